package org.mu1000.platform.security;

import org.mu1000.platform.kernel.Caller;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who a verified token belongs to, as the identity provider holds them now: their roles in each tenant they are a
 * member of, held apart so that a role in one tenant never counts in another. {@link #in(String)} narrows it to the
 * one tenant a request works in; every permission check reads that narrowed {@link Caller}.
 *
 * @param platformAdmin granted realm-wide by the platform, never from inside a tenant
 * @param serviceAccount true only when the identity provider says this subject is the service account of a client
 *     the API accepts (a client-credentials token); a username proves nothing
 */
public record Identity(String subject, String username, boolean platformAdmin, boolean serviceAccount,
    Map<String, Membership> memberships) {

  /** A person's or a client's place in one tenant. */
  public record Membership(Set<String> roles, Set<String> coops, boolean suspended) {
    public Membership {
      roles = Set.copyOf(roles);
      coops = Set.copyOf(coops);
    }

    /** The roles that count: none while suspended; api-client only for a service account. */
    Set<String> effectiveRoles(boolean serviceAccount) {
      if (suspended) {
        return Set.of();
      }
      Set<String> out = new TreeSet<>(roles);
      if (!serviceAccount) {
        out.remove(Caller.API_CLIENT);
      } else {
        out.retainAll(Set.of(Caller.API_CLIENT));
      }
      return out;
    }
  }

  public Identity {
    memberships = Map.copyOf(memberships);
  }

  /** Tenants this identity may work in: those where it holds a role that counts. */
  public Set<String> tenants() {
    Set<String> out = new TreeSet<>();
    memberships.forEach((t, m) -> {
      if (!m.effectiveRoles(serviceAccount).isEmpty()) {
        out.add(t);
      }
    });
    return out;
  }

  public boolean mayEnter(String tenant) {
    return platformAdmin || tenants().contains(tenant);
  }

  /** The caller as seen by one tenant: their roles and cooperatives there, and nothing from elsewhere. */
  public Caller in(String tenant) {
    Membership m = tenant == null ? null : memberships.get(tenant);
    Set<String> roles = new TreeSet<>(m == null ? Set.of() : m.effectiveRoles(serviceAccount));
    if (platformAdmin) {
      roles.add(Caller.PLATFORM_ADMIN);
    }
    Set<String> coops = m == null || m.suspended() ? Set.of() : m.coops();
    return new Caller(subject, username, roles, tenants(), coops);
  }

  /** The caller outside any tenant (platform administration, the tenant switch). */
  public Caller outsideTenants() {
    return in(null);
  }
}
