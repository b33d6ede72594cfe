package org.mu1000.platform.registry.application.importing;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;

/**
 * Port: a tenant's import jobs with their progress, and the uploaded files they read (kept only between the dry run
 * and the commit). Progress is stored, so any instance can report it.
 */
public interface ImportStore {
  /** A job as stored: what the API shows, the file it reads, and whether its dry run passed. */
  record Stored(ImportService.Job job, String fileId, boolean validated) {}

  /** Keeps an uploaded file; returns its id. */
  String keepFile(TenantHome tenant, String fileName, byte[] bytes);

  byte[] file(TenantHome tenant, String fileId);

  void removeFile(TenantHome tenant, String fileId);

  /** Stores a new job, validating, with no rows processed yet. */
  void create(TenantHome tenant, String id, String cooperativeId, String fileName, String format, String fileId,
      String uploadedBy, Date at);

  Optional<Stored> find(TenantHome tenant, String id);

  /** Moves a job whose dry run passed (validated, or failed while committing) to committing; false if it is not. */
  boolean claimForCommit(TenantHome tenant, String id, Date at);

  /**
   * Sets fields of a job: status, validated, totalRows, processedRows, farmersCreated, farmersUpdated, plotsWritten,
   * problems (a list of problems); with {@code appended}, adds that problem to the job's list.
   */
  void update(TenantHome tenant, String id, Map<String, Object> fields, ImportRows.Problem appended, Date at);

  default void update(TenantHome tenant, String id, Map<String, Object> fields, Date at) {
    update(tenant, id, fields, null, at);
  }

  List<String> PROGRESS = List.of("status", "validated", "totalRows", "processedRows", "farmersCreated",
      "farmersUpdated", "plotsWritten", "problems");
}
