package org.mu1000.platform.tenancy.application;

import java.io.IOException;
import java.util.zip.ZipOutputStream;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: a tenant's database as a whole: created with its indexes, exported, dropped. */
public interface TenantStorage {
  /** Creates the indexes every context declares (safe to repeat). */
  void prepare(Tenant tenant);

  /** Writes one JSON-lines entry per collection of the tenant's database to the zip. */
  void export(Tenant tenant, ZipOutputStream zip) throws IOException;

  /** Drops the tenant's database; with {@code lastOnDeployment}, also closes the connections to its deployment. */
  void drop(Tenant tenant, boolean lastOnDeployment);
}
