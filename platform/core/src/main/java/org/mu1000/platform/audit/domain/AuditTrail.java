package org.mu1000.platform.audit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/**
 * Port: who changed what, when, with the record before and after. Tenant data is audited in the tenant's store,
 * changes to tenants themselves in the platform's. Entries are append-only; secrets never enter them.
 */
public interface AuditTrail {
  /** One change: who, what, when, and the record before and after it as plain values (decimals, ISO instants). */
  record Entry(String id, Instant at, String actor, String action, String entityType, String entityId,
      Map<String, Object> before, Map<String, Object> after) {}

  record Page(List<Entry> items, long total) {}

  /** Records a change of the tenant's data; {@code before} and {@code after} are records or maps (or null). */
  void record(TenantHome tenant, String actor, String action, String entityType, String entityId, Object before,
      Object after);

  /** Adds the entry to a batch of writes to the tenant's deployment. */
  void record(Batch batch, TenantHome tenant, String actor, String action, String entityType, String entityId,
      Object before, Object after);

  /** Adds the entry to a batch under an id of its own: a resumed batch records it once. */
  void record(Batch batch, TenantHome tenant, String entryId, String actor, String action, String entityType,
      String entityId, Object before, Object after);

  /** Records a change of a tenant itself, in the platform's trail. */
  void recordPlatform(String actor, String action, String entityType, String entityId, Object before,
      Object after);

  /** The tenant's entries newest first, of one kind of entity or one entity when those are given. */
  Page read(TenantHome tenant, String entityType, String entityId, int page, int size);

  /** The platform's entries newest first, likewise. */
  Page readPlatform(String entityType, String entityId, int page, int size);
}
