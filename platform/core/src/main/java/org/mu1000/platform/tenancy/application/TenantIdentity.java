package org.mu1000.platform.tenancy.application;

import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * What a tenant's lifecycle needs from the identity provider (a port; the identity context implements it): the
 * tenant's organization and role groups made, checked, and removed with the tenant.
 */
public interface TenantIdentity {
  /** Makes the tenant's identity objects and its first admin; safe to repeat. */
  void provisionTenant(Tenant t, String initialPassword);

  /** Whether the identity provider holds the tenant's identity objects. */
  boolean isProvisioned(Tenant t);

  /** Removes the tenant's identity objects, so a tenant made again under the same id starts with nobody. */
  void forgetTenant(Tenant t);
}
