package org.mu1000.platform.tenancy.application;

import java.util.List;
import java.util.Optional;
import org.mu1000.platform.tenancy.domain.TenantConfig;

/** Port: the country templates kept as data in {@code tenants/}; implemented by the tenants module. */
public interface TenantTemplates {
  List<TenantConfig> list();

  Optional<TenantConfig> find(String id);
}
