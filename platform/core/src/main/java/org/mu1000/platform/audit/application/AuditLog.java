package org.mu1000.platform.audit.application;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.json.StrictJsonWriter;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.infrastructure.mongo.Ids;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/**
 * Who changed what, when, with the document before and after. Tenant data is audited in the tenant's database,
 * changes to tenants themselves in the control plane. Entries are append-only.
 */
@ApplicationScoped
public class AuditLog {
  public static final String COLLECTION = "audit";

  public void record(MongoDatabase db, String actor, String action, String entityType, String entityId,
      Document before, Document after) {
    db.getCollection(COLLECTION).insertOne(entry(actor, action, entityType, entityId, before, after));
  }

  /** Adds the entry to a batch that writes to {@code db}'s deployment. */
  public void record(WriteBatch batch, MongoDatabase db, String actor, String action, String entityType,
      String entityId, Document before, Document after) {
    batch.insert(db.getName(), COLLECTION, entry(actor, action, entityType, entityId, before, after));
  }

  private static Document entry(String actor, String action, String entityType, String entityId, Document before,
      Document after) {
    return new Document("_id", Ids.next("au"))
        .append("at", Date.from(Instant.now()))
        .append("actor", actor)
        .append("action", action)
        .append("entityType", entityType)
        .append("entityId", entityId)
        .append("before", redact(before))
        .append("after", redact(after));
  }

  /** Secrets and hashes never enter the trail. */
  private static Document redact(Document d) {
    if (d == null) {
      return null;
    }
    Document copy = new Document(d);
    for (String k : List.of("nationalIdHash", "secret", "mongoUri", "deletionCode")) {
      if (copy.containsKey(k) && copy.get(k) != null) {
        copy.put(k, "***");
      }
    }
    return copy;
  }

  /** One change: who, what, when, and the record before and after it as plain values (decimals, ISO instants). */
  public record Entry(String id, Instant at, String actor, String action, String entityType, String entityId,
      Map<String, Object> before, Map<String, Object> after) {}

  public record Page(List<Entry> items, long total) {}

  /** Entries newest first, of one kind of entity or one entity when those are given. */
  public Page read(MongoDatabase db, String entityType, String entityId, int page, int size) {
    Bson filter = filter(entityType, entityId);
    var coll = db.getCollection(COLLECTION);
    List<Entry> items = new ArrayList<>();
    coll.find(filter).sort(Sorts.descending("at", "_id")).skip(Pages.skip(page, size)).limit(size)
        .forEach(d -> items.add(entry(d)));
    return new Page(items, coll.countDocuments(filter));
  }


  private static Entry entry(Document d) {
    return new Entry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"),
        d.getString("entityType"), d.getString("entityId"), plain(d.get("before", Document.class)),
        plain(d.get("after", Document.class)));
  }

  private static Map<String, Object> plain(Document d) {
    return d == null ? null : Document.parse(d.toJson(JsonWriterSettings.builder()
        .outputMode(JsonMode.RELAXED)
        .dateTimeConverter((Long v, StrictJsonWriter w) -> w.writeString(new Date(v).toInstant().toString()))
        .decimal128Converter((v, w) -> w.writeString(v.bigDecimalValue().toPlainString()))
        .build()));
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
}
