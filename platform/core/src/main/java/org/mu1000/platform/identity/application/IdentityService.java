package org.mu1000.platform.identity.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mu1000.platform.identity.domain.TenantGroups;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.security.Identities;
import org.mu1000.platform.security.Identity.Membership;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantIdentity;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * A tenant's people in Keycloak: its organization, and their role, cooperatives and suspension in this tenant as
 * memberships of the tenant's groups ({@link TenantGroups}). Nothing done here reaches another tenant: a user who
 * also belongs elsewhere keeps their role, cooperatives and account there. Usernames a tenant admin creates start
 * with the tenant's id and a dot, so whether a name is free never tells anything about another tenant.
 */
@ApplicationScoped
public class IdentityService implements TenantIdentity {
  /** Roles a tenant admin may hand to a person; api-client belongs to integration clients, platform-admin to none. */
  public static final Set<String> PERSON_ROLES = Set.of(Caller.TENANT_ADMIN, Caller.COOP_MANAGER, Caller.FIELD_AGENT,
      Caller.BUYER, Caller.DONOR);

  private IdentityAdmin keycloak;
  private Identities identities;

  protected IdentityService() {}

  @Inject
  public IdentityService(IdentityAdmin keycloak, Identities identities) {
    this.keycloak = keycloak;
    this.identities = identities;
  }

  public record TenantUser(String id, String username, String email, String firstName, String lastName,
      List<String> roles, List<String> cooperativeIds, boolean enabled) {}

  /**
   * Organization, role groups, first admin, and the people the realm file already placed in the tenant's groups; every
   * step checks before it writes, so it can be repeated. An existing user named as first admin becomes admin of this
   * tenant only. The initial password (may be null) is used only if that user must be created, and never stored.
   */
  @Override
  public void provisionTenant(Tenant t, String initialPassword) {
    String orgId = keycloak.ensureOrganization(t.id(), t.config().name());
    for (String role : TenantGroups.ROLES) {
      keycloak.ensureGroup(TenantGroups.role(t.id(), role));
    }
    keycloak.ensureGroup(TenantGroups.suspended(t.id()));
    if (t.firstAdmin() != null) {
      String userId = keycloak.userByName(t.firstAdmin().username())
          .map(u -> u.path("id").asText())
          .orElseGet(() -> keycloak.createUser(t.firstAdmin().username(), t.firstAdmin().email(), null, null,
              initialPassword));
      keycloak.addMember(orgId, userId);
      keycloak.joinGroup(userId, keycloak.ensureGroup(TenantGroups.role(t.id(), Caller.TENANT_ADMIN)));
      identities.forget(userId);
    }
    for (String role : TenantGroups.ROLES) {
      for (JsonNode u : keycloak.groupMembers(TenantGroups.role(t.id(), role))) {
        keycloak.addMember(orgId, u.path("id").asText());
      }
    }
  }

  /** Whether the identity provider holds the tenant's organization and role groups. */
  @Override
  public boolean isProvisioned(Tenant t) {
    return keycloak.organization(t.id()).isPresent()
        && keycloak.groupId(TenantGroups.role(t.id(), Caller.TENANT_ADMIN)).isPresent();
  }

  /** The tenant's organization and groups go, so a tenant made again under the same id starts with nobody. */
  @Override
  public void forgetTenant(Tenant t) {
    keycloak.deleteOrganization(t.id());
    keycloak.deleteGroup(TenantGroups.tenant(t.id()));
  }

  public List<TenantUser> users(String tenant) {
    List<TenantUser> out = new ArrayList<>();
    for (JsonNode u : keycloak.members(orgId(tenant))) {
      out.add(toUser(tenant, u));
    }
    return out;
  }

  public TenantUser invite(String tenant, String username, String email, String firstName, String lastName,
      String role, List<String> coops, String temporaryPassword) {
    requirePersonRole(role);
    if (username == null || !username.startsWith(tenant + ".") || username.length() <= tenant.length() + 1) {
      throw DomainException.invalid("username", "must start with '" + tenant + ".': each tenant names its own users");
    }
    String org = orgId(tenant);
    String id = keycloak.createUser(username, email, firstName, lastName, temporaryPassword);
    keycloak.addMember(org, id);
    setRole(tenant, id, role, List.of());
    setCoops(tenant, id, coops == null ? List.of() : coops, List.of());
    return toUser(tenant, keycloak.user(id));
  }

  /** Role, cooperatives and suspension of a member, in this tenant only. */
  public TenantUser update(String tenant, String userId, String role, List<String> coops, Boolean enabled) {
    if (!keycloak.isMember(orgId(tenant), userId)) {
      throw DomainException.notFound("user", userId);
    }
    if (keycloak.effectiveRealmRoles(userId).contains(Caller.PLATFORM_ADMIN)) {
      throw DomainException.forbidden("platform administrators are managed by the platform");
    }
    if (role != null) {
      requirePersonRole(role);
    }
    List<String> paths = keycloak.groupPaths(userId);
    if (role != null) {
      setRole(tenant, userId, role, paths);
    }
    if (coops != null) {
      setCoops(tenant, userId, coops, paths);
    }
    if (enabled != null) {
      String suspended = keycloak.ensureGroup(TenantGroups.suspended(tenant));
      if (enabled) {
        keycloak.leaveGroup(userId, suspended);
      } else {
        keycloak.joinGroup(userId, suspended);
      }
    }
    identities.forget(userId);
    return toUser(tenant, keycloak.user(userId));
  }

  private void setRole(String tenant, String userId, String role, List<String> paths) {
    String wanted = TenantGroups.role(tenant, role);
    keycloak.joinGroup(userId, keycloak.ensureGroup(wanted));
    for (String p : paths) {
      if (p.startsWith(TenantGroups.tenant(tenant) + "/") && !p.equals(wanted)
          && TenantGroups.ROLES.contains(p.substring(p.lastIndexOf('/') + 1))) {
        keycloak.groupId(p).ifPresent(g -> keycloak.leaveGroup(userId, g));
      }
    }
  }

  private void setCoops(String tenant, String userId, List<String> coops, List<String> paths) {
    Set<String> wanted = new java.util.HashSet<>();
    for (String c : coops) {
      String path = TenantGroups.coop(tenant, c);
      wanted.add(path);
      keycloak.joinGroup(userId, keycloak.ensureGroup(path));
    }
    String prefix = TenantGroups.coop(tenant, "");
    for (String p : paths) {
      if (p.startsWith(prefix) && !wanted.contains(p)) {
        keycloak.groupId(p).ifPresent(g -> keycloak.leaveGroup(userId, g));
      }
    }
  }

  private String orgId(String tenant) {
    return keycloak.organization(tenant)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "tenant " + tenant + " has no identity organization;"
            + " provision it again"))
        .path("id").asText();
  }

  private static void requirePersonRole(String role) {
    if (!PERSON_ROLES.contains(role)) {
      throw DomainException.invalid("role", "must be one of " + new java.util.TreeSet<>(PERSON_ROLES));
    }
  }

  private TenantUser toUser(String tenant, JsonNode u) {
    String id = u.path("id").asText();
    Membership m = TenantGroups.memberships(keycloak.groupPaths(id)).get(tenant);
    return new TenantUser(id, u.path("username").asText(), u.path("email").asText(null),
        u.path("firstName").asText(null), u.path("lastName").asText(null),
        m == null ? List.of() : m.roles().stream().sorted().toList(),
        m == null ? List.of() : m.coops().stream().sorted().toList(),
        u.path("enabled").asBoolean(true) && (m == null || !m.suspended()));
  }
}
