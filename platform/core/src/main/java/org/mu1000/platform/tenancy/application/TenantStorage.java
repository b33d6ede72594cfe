package org.mu1000.platform.tenancy.application;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: a tenant's database as a whole: created with its indexes, exported, restored, moved, dropped. */
public interface TenantStorage {
  /** How many documents of one collection a restore or a move wrote. */
  record Written(String collection, long documents) {}

  /** Creates the indexes every context declares (safe to repeat). */
  void prepare(Tenant tenant);

  /** Writes one JSON-lines entry per collection of the tenant's database to the zip, in lossless extended JSON. */
  void export(Tenant tenant, ZipOutputStream zip) throws IOException;

  /**
   * Replaces all of the tenant's data with an export's. The whole archive is read and checked before anything is
   * written; the collections are then staged and each swapped in at once, so a restore that stops half-way can be
   * run again.
   */
  List<Written> restore(Tenant tenant, Path archive) throws IOException;

  /**
   * Copies all of the tenant's data to the database it has at {@code target}'s deployment, with the indexes, and
   * checks every collection's count there. The target database must hold no data.
   */
  List<Written> copy(Tenant tenant, Tenant target);

  /** Drops the tenant's database; with {@code lastOnDeployment}, also closes the connections to its deployment. */
  void drop(Tenant tenant, boolean lastOnDeployment);

  /** Closes the connections to a deployment no tenant uses (a move to it failed). */
  void release(Tenant target);
}
