package org.mu1000.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mu1000.platform.security.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * A tenant's people in Keycloak: its organization (membership is what admits a person to the tenant; tokens carry it
 * as the {@code organization} claim), their role, and their cooperative scope (attribute {@code coops}).
 */
@ApplicationScoped
public class IdentityService {
  /** Roles a tenant admin may hand out; platform-admin is never granted from inside a tenant. */
  public static final Set<String> TENANT_ROLES = Set.of(Caller.TENANT_ADMIN, Caller.COOP_MANAGER, Caller.FIELD_AGENT,
      Caller.BUYER, Caller.DONOR, Caller.API_CLIENT);

  private KeycloakAdmin keycloak;

  protected IdentityService() {}

  @Inject
  public IdentityService(KeycloakAdmin keycloak) {
    this.keycloak = keycloak;
  }

  public record TenantUser(String id, String username, String email, String firstName, String lastName,
      List<String> roles, List<String> cooperativeIds, boolean enabled) {}

  /**
   * Organization, first admin and pre-assigned members; every step checks before it writes, so it can be repeated.
   * The first admin's initial password (may be null) is used only if that user must be created, and never stored.
   */
  public void provisionTenant(Tenant t, String initialPassword) {
    String orgId = keycloak.ensureOrganization(t.id(), t.config().name());
    if (t.firstAdmin() != null) {
      String userId = keycloak.userByName(t.firstAdmin().username())
          .map(u -> u.path("id").asText())
          .orElseGet(() -> keycloak.createUser(t.firstAdmin().username(), t.firstAdmin().email(), null, null,
              List.of(t.id()), List.of(), initialPassword));
      keycloak.addMember(orgId, userId);
      if (!keycloak.realmRoles(userId).contains(Caller.TENANT_ADMIN)) {
        keycloak.grantRealmRole(userId, Caller.TENANT_ADMIN);
      }
    }
    for (JsonNode u : keycloak.usersOfTenant(t.id())) {
      keycloak.addMember(orgId, u.path("id").asText());
    }
  }

  public void forgetTenant(Tenant t) {
    keycloak.deleteOrganization(t.id());
  }

  public List<TenantUser> users(String tenant) {
    List<TenantUser> out = new ArrayList<>();
    for (JsonNode u : keycloak.members(orgId(tenant))) {
      out.add(toUser(u, keycloak.realmRoles(u.path("id").asText())));
    }
    return out;
  }

  public TenantUser invite(String tenant, String username, String email, String firstName, String lastName,
      String role, List<String> coops, String temporaryPassword) {
    requireTenantRole(role);
    String org = orgId(tenant);
    String id = keycloak.createUser(username, email, firstName, lastName, List.of(), coops, temporaryPassword);
    keycloak.grantRealmRole(id, role);
    keycloak.addMember(org, id);
    return toUser(keycloak.user(id), keycloak.realmRoles(id));
  }

  public TenantUser update(String tenant, String userId, String role, List<String> coops, Boolean enabled) {
    if (!keycloak.isMember(orgId(tenant), userId)) {
      throw DomainException.notFound("user", userId);
    }
    JsonNode current = keycloak.user(userId);
    List<String> roles = keycloak.realmRoles(userId);
    if (roles.contains(Caller.PLATFORM_ADMIN)) {
      throw DomainException.forbidden("platform administrators are managed by the platform");
    }
    ObjectNode next = ((ObjectNode) current.deepCopy());
    if (coops != null) {
      ObjectNode attrs = next.with("attributes");
      ArrayNode a = attrs.putArray("coops");
      coops.forEach(a::add);
    }
    if (enabled != null) {
      next.put("enabled", enabled);
    }
    keycloak.updateUser(userId, next);
    if (role != null) {
      requireTenantRole(role);
      for (String r : roles) {
        if (TENANT_ROLES.contains(r) && !r.equals(role)) {
          keycloak.revokeRealmRole(userId, r);
        }
      }
      if (!roles.contains(role)) {
        keycloak.grantRealmRole(userId, role);
      }
    }
    return toUser(keycloak.user(userId), keycloak.realmRoles(userId));
  }

  private String orgId(String tenant) {
    return keycloak.organization(tenant)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "tenant " + tenant + " has no identity organization;"
            + " provision it again"))
        .path("id").asText();
  }

  private static void requireTenantRole(String role) {
    if (!TENANT_ROLES.contains(role)) {
      throw DomainException.invalid("role", "must be one of " + TENANT_ROLES);
    }
  }

  private static List<String> attribute(JsonNode user, String name) {
    List<String> out = new ArrayList<>();
    user.path("attributes").path(name).forEach(v -> out.add(v.asText()));
    return out;
  }

  private static TenantUser toUser(JsonNode u, List<String> roles) {
    return new TenantUser(u.path("id").asText(), u.path("username").asText(), u.path("email").asText(null),
        u.path("firstName").asText(null), u.path("lastName").asText(null),
        roles.stream().filter(r -> TENANT_ROLES.contains(r) || r.equals(Caller.PLATFORM_ADMIN)).sorted().toList(),
        attribute(u, "coops"), u.path("enabled").asBoolean(true));
  }
}
