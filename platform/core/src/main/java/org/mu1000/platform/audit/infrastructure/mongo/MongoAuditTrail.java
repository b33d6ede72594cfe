package org.mu1000.platform.audit.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/** The audit trails as an {@code audit} collection: the tenant's database for its data, the control plane's for tenants. */
@ApplicationScoped
public class MongoAuditTrail implements AuditTrail {
  public static final String COLLECTION = "audit";
  private static final List<String> SECRETS = List.of("nationalIdHash", "secret", "mongoUri", "deletionCode");

  private TenantDatabases databases;

  protected MongoAuditTrail() {}

  @Inject
  public MongoAuditTrail(TenantDatabases databases) {
    this.databases = databases;
  }

  @Override
  public void record(TenantHome tenant, String actor, String action, String entityType, String entityId,
      Object before, Object after) {
    databases.of(tenant).getCollection(COLLECTION).insertOne(entry(actor, action, entityType, entityId, before,
        after));
  }

  @Override
  public void record(Batch batch, TenantHome tenant, String actor, String action, String entityType,
      String entityId, Object before, Object after) {
    WriteBatch.of(batch).insert(databases.of(tenant).getName(), COLLECTION, entry(actor, action, entityType, entityId,
        before, after));
  }

  @Override
  public void record(Batch batch, TenantHome tenant, String entryId, String actor, String action, String entityType,
      String entityId, Object before, Object after) {
    Document entry = entry(actor, action, entityType, entityId, before, after);
    entry.put("_id", entryId);
    WriteBatch.of(batch).insert(databases.of(tenant).getName(), COLLECTION, entry);
  }

  @Override
  public void recordPlatform(String actor, String action, String entityType, String entityId, Object before,
      Object after) {
    databases.controlPlane().getCollection(COLLECTION).insertOne(entry(actor, action, entityType, entityId, before,
        after));
  }

  @Override
  public Page read(TenantHome tenant, String entityType, String entityId, int page, int size) {
    return read(databases.of(tenant), entityType, entityId, page, size);
  }

  @Override
  public Page readPlatform(String entityType, String entityId, int page, int size) {
    return read(databases.controlPlane(), entityType, entityId, page, size);
  }

  private static Document entry(String actor, String action, String entityType, String entityId, Object before,
      Object after) {
    return new Document("_id", Ids.next("au"))
        .append("at", Date.from(Instant.now()))
        .append("actor", actor)
        .append("action", action)
        .append("entityType", entityType)
        .append("entityId", entityId)
        .append("before", redact(entityId, before))
        .append("after", redact(entityId, after));
  }

  /** The record as a document, secrets and hashes masked. */
  private static Document redact(String id, Object o) {
    Document copy = Docs.of(id, o);
    if (copy == null) {
      return null;
    }
    for (String k : SECRETS) {
      if (copy.get(k) != null) {
        copy.put(k, "***");
      }
    }
    return copy;
  }

  private static Page read(MongoDatabase db, String entityType, String entityId, int page, int size) {
    Bson filter = filter(entityType, entityId);
    var coll = db.getCollection(COLLECTION);
    List<Entry> items = new ArrayList<>();
    coll.find(filter).sort(Sorts.descending("at", "_id")).skip(Pages.skip(page, size)).limit(size)
        .forEach(d -> items.add(entry(d)));
    return new Page(items, coll.countDocuments(filter));
  }

  private static Entry entry(Document d) {
    return new Entry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"),
        d.getString("entityType"), d.getString("entityId"), Docs.plain(d.get("before", Document.class)),
        Docs.plain(d.get("after", Document.class)));
  }

  private static Bson filter(String entityType, String entityId) {
    List<Bson> parts = new ArrayList<>();
    if (entityType != null) {
      parts.add(Filters.eq("entityType", entityType));
    }
    if (entityId != null) {
      parts.add(Filters.eq("entityId", entityId));
    }
    return parts.isEmpty() ? new Document() : Filters.and(parts);
  }

  /** A plain map of a record's fields, as the trail holds it. */
  static Map<String, Object> plain(Document d) {
    return Docs.plain(d);
  }
}
