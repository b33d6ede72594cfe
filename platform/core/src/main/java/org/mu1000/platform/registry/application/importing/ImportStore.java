package org.mu1000.platform.registry.application.importing;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/**
 * Port: a tenant's import jobs with their progress, and the uploaded files they read (kept only between the dry run
 * and the commit). Progress is stored, so any instance can report it.
 */
public interface ImportStore {
  /**
   * A job as stored: what the API shows, the file it reads, whether its dry run passed, how many farmer groups of
   * the file its commit has written in full (it goes on from there), and who committed it.
   */
  record Stored(ImportService.Job job, String fileId, boolean validated, int committedGroups, String committedBy) {}

  /** Keeps an uploaded file; returns its id. */
  String keepFile(TenantHome tenant, String fileName, byte[] bytes);

  byte[] file(TenantHome tenant, String fileId);

  void removeFile(TenantHome tenant, String fileId);

  /** Stores a new job, validating, with no rows processed yet. */
  void create(TenantHome tenant, String id, String cooperativeId, String fileName, String format, String fileId,
      String uploadedBy, Date at);

  Optional<Stored> find(TenantHome tenant, String id);

  /**
   * Moves a job to committing, for {@code by}: a validated one from its first row; one that failed while committing,
   * or whose commit has not moved since {@code staleBefore} (its server stopped), from where it got. False if the
   * job is in none of those states.
   */
  boolean claimForCommit(TenantHome tenant, String id, String by, Date at, Date staleBefore);

  /** The jobs committing that have not moved since {@code staleBefore}: their server stopped. */
  List<String> interrupted(TenantHome tenant, Date staleBefore);

  /** Adds {@link #update} of a job to a batch (the last write of a chunk of rows: where the commit got). */
  void update(Batch batch, TenantHome tenant, String id, Map<String, Object> fields, Date at);

  /**
   * Sets fields of a job: status, validated, totalRows, processedRows, farmersCreated, farmersUpdated, plotsWritten,
   * problems (a list of problems); with {@code appended}, adds that problem to the job's list.
   */
  void update(TenantHome tenant, String id, Map<String, Object> fields, ImportRows.Problem appended, Date at);

  default void update(TenantHome tenant, String id, Map<String, Object> fields, Date at) {
    update(tenant, id, fields, null, at);
  }

  List<String> PROGRESS = List.of("status", "validated", "totalRows", "processedRows", "farmersCreated",
      "farmersUpdated", "plotsWritten", "problems", "committedGroups");
}
