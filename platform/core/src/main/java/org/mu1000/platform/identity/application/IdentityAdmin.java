package org.mu1000.platform.identity.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Port: the identity provider's administration, as the identity services use it: organizations per tenant, people,
 * groups (a tenant's roles, cooperatives and suspensions), and service accounts. Representations are the provider's
 * JSON.
 */
public interface IdentityAdmin {
  boolean reachable();

  Optional<JsonNode> organization(String alias);

  /** Creates the tenant's organization unless it exists; returns its id. */
  String ensureOrganization(String alias, String name);

  void addMember(String orgId, String userId);

  List<JsonNode> members(String orgId);

  boolean isMember(String orgId, String userId);

  void deleteOrganization(String alias);

  Optional<JsonNode> userByName(String username);

  JsonNode user(String id);

  /** Creates a user; returns the id. Refuses a taken username. */
  String createUser(String username, String email, String firstName, String lastName, String temporaryPassword);

  /**
   * The id of the service-account user of a confidential client, or empty when the client has none. Keycloak alone
   * links the two, so this is what proves a token came from a client-credentials grant of that client.
   */
  Optional<String> serviceAccountOf(String clientId);

  /** The user with this id, or empty when there is none. */
  Optional<JsonNode> findUser(String id);

  /** Realm roles the user holds, directly or through a composite role or a group. */
  List<String> effectiveRealmRoles(String userId);

  /** Paths of the groups the user is a direct member of, such as {@code /tenants/rwanda/coop-manager}. */
  List<String> groupPaths(String userId);

  Optional<String> groupId(String path);

  /** The group at this path, created with any missing parents; returns its id. Safe to repeat. */
  String ensureGroup(String path);

  void joinGroup(String userId, String groupId);

  void leaveGroup(String userId, String groupId);

  /** Members of the group at this path (none when it does not exist). */
  List<JsonNode> groupMembers(String path);

  void deleteGroup(String path);
}
