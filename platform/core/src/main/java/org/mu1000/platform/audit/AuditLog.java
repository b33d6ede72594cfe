package org.mu1000.platform.audit;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.persistence.Ids;
import org.mu1000.platform.persistence.WriteBatch;

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

  public record Page(List<Document> items, long total) {}

  public Page read(MongoDatabase db, Bson filter, int page, int size) {
    var coll = db.getCollection(COLLECTION);
    List<Document> items = new ArrayList<>();
    coll.find(filter).sort(Sorts.descending("at", "_id")).skip(Pages.skip(page, size)).limit(size)
        .forEach(items::add);
    return new Page(items, coll.countDocuments(filter));
  }

  public static Bson filter(String entityType, String entityId) {
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
