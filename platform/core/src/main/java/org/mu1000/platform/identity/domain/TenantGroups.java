package org.mu1000.platform.identity.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.security.Identity.Membership;

/**
 * Where a tenant's roles live in Keycloak: one group per tenant and role, {@code /tenants/<tenant>/<role>}; a
 * person's cooperatives there as {@code /tenants/<tenant>/coops/<cooperative>}; a person suspended from the tenant in
 * {@code /tenants/<tenant>/suspended}. Group membership changes one person in one tenant, atomically, and nothing in
 * another tenant.
 */
public final class TenantGroups {
  public static final String ROOT = "tenants";
  static final String COOPS = "coops";
  static final String SUSPENDED = "suspended";

  /** Roles held per tenant; platform-admin is a realm role granted by the platform only. */
  public static final Set<String> ROLES = Set.of(Caller.TENANT_ADMIN, Caller.COOP_MANAGER, Caller.FIELD_AGENT,
      Caller.BUYER, Caller.DONOR, Caller.API_CLIENT);

  private TenantGroups() {}

  public static String tenant(String tenant) {
    return "/" + ROOT + "/" + tenant;
  }

  public static String role(String tenant, String role) {
    return tenant(tenant) + "/" + role;
  }

  public static String coop(String tenant, String coop) {
    return tenant(tenant) + "/" + COOPS + "/" + coop;
  }

  public static String suspended(String tenant) {
    return tenant(tenant) + "/" + SUSPENDED;
  }

  /** Memberships per tenant from a user's group paths; paths outside the layout are ignored. */
  public static Map<String, Membership> memberships(Iterable<String> paths) {
    Map<String, Set<String>> roles = new HashMap<>();
    Map<String, Set<String>> coops = new HashMap<>();
    Set<String> suspended = new HashSet<>();
    for (String path : paths) {
      String[] p = path.split("/");
      if (p.length < 4 || !p[0].isEmpty() || !p[1].equals(ROOT)) {
        continue;
      }
      String tenant = p[2];
      if (p.length == 4 && ROLES.contains(p[3])) {
        roles.computeIfAbsent(tenant, t -> new HashSet<>()).add(p[3]);
      } else if (p.length == 4 && p[3].equals(SUSPENDED)) {
        suspended.add(tenant);
      } else if (p.length == 5 && p[3].equals(COOPS)) {
        coops.computeIfAbsent(tenant, t -> new HashSet<>()).add(p[4]);
      }
    }
    Map<String, Membership> out = new HashMap<>();
    for (String t : roles.keySet()) {
      out.put(t, new Membership(roles.get(t), coops.getOrDefault(t, Set.of()), suspended.contains(t)));
    }
    return out;
  }
}
