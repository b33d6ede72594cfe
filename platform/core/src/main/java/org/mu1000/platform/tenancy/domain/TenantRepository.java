package org.mu1000.platform.tenancy.domain;

import java.util.List;
import java.util.Optional;

/** Port: the tenant registry in the control-plane database. */
public interface TenantRepository {
  Optional<Tenant> find(String id);

  List<Tenant> all();

  /** Inserts; false when the id is taken. */
  boolean insert(Tenant tenant);

  /** Replaces when the stored version is {@code tenant.version()}; returns the stored tenant with version + 1. */
  Optional<Tenant> replace(Tenant tenant);

  void delete(String id);
}
