package org.mu1000.platform.tenancy.application;

import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: loads a template's demo cooperatives, farmers and plots into a freshly provisioned tenant. Idempotent. */
public interface DemoData {
  void seed(Tenant tenant);
}
