package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Optimistic versioning and soft deletes over one collection: a replace only matches the version the caller read,
 * so two writers never silently overwrite each other; a delete marks the document and keeps it for the audit trail.
 */
public final class VersionedCollection {
  public static final String VERSION = "version";
  public static final String DELETED = "deleted";

  private final MongoCollection<Document> coll;

  public VersionedCollection(MongoCollection<Document> coll) {
    this.coll = coll;
  }

  public MongoCollection<Document> raw() {
    return coll;
  }

  public Optional<Document> find(String id) {
    Document d = coll.find(new Document("_id", id)).first();
    return d == null || Boolean.TRUE.equals(d.getBoolean(DELETED)) ? Optional.empty() : Optional.of(d);
  }

  /** Inserts at version 1; false if the id exists. */
  public boolean insert(Document doc) {
    return Docs.insertNew(coll, fresh(doc));
  }

  /** A new document as it is first stored: version 1, not deleted. */
  public static Document fresh(Document doc) {
    return doc.append(VERSION, 1L).append(DELETED, false);
  }

  /** A new record's document as it is first stored: version 1, not deleted. */
  public static BsonDocument fresh(BsonDocument doc) {
    return doc.append(VERSION, new BsonInt64(1)).append(DELETED, BsonBoolean.FALSE);
  }

  /** A record's document as it replaces the one at version {@code expected}. */
  public static BsonDocument next(BsonDocument doc, long expected) {
    return doc.append(VERSION, new BsonInt64(expected + 1)).append(DELETED, BsonBoolean.FALSE);
  }

  /** The live document {@code id} at version {@code expected}: what a compare-and-set replace matches. */
  public static Bson at(String id, long expected) {
    return new Document("_id", id).append(VERSION, expected).append(DELETED, false);
  }

  /** Replaces when the stored version equals {@code expected}; the stored document gets expected + 1. */
  public Optional<Document> replace(Document doc, long expected) {
    Document next = new Document(doc).append(VERSION, expected + 1).append(DELETED, false);
    long matched = coll.replaceOne(
        new Document("_id", doc.get("_id")).append(VERSION, expected).append(DELETED, false), next).getMatchedCount();
    return matched == 1 ? Optional.of(next) : Optional.empty();
  }

  public boolean softDelete(String id, long expected) {
    return coll.updateOne(new Document("_id", id).append(VERSION, expected).append(DELETED, false),
        Updates.combine(Updates.set(DELETED, true), Updates.set("deletedAt", Date.from(Instant.now())),
            Updates.inc(VERSION, 1L))).getMatchedCount() == 1;
  }

  public List<Document> page(Bson filter, Bson sort, int skip, int limit) {
    List<Document> out = new ArrayList<>();
    coll.find(live(filter)).sort(sort).skip(skip).limit(limit).forEach(out::add);
    return out;
  }

  public long count(Bson filter) {
    return coll.countDocuments(live(filter));
  }

  public static Bson live(Bson filter) {
    return filter == null ? Filters.eq(DELETED, false) : Filters.and(Filters.eq(DELETED, false), filter);
  }
}
