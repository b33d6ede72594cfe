package org.mu1000.platform.shared.domain;

import org.mu1000.platform.kernel.TenantHome;

/** Port: the store deployments tenants live on, as far as writing to them together goes. */
public interface Deployments {
  /** A batch of writes to the tenant's deployment. */
  Batch batch(TenantHome tenant);

  /** Whether one batch can write to both the tenant's database and the control plane. */
  boolean sharesControlPlane(TenantHome tenant);
}
