package org.mu1000.platform.valuechain.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.shared.infrastructure.mongo.RecordDocs;
import org.mu1000.platform.shared.infrastructure.mongo.VersionedCollection;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/** The value chain's documents in one tenant's database: records stored field by field, every write version-checked. */
public final class ValueChainStore {
  public static final String STANDARDS = "grading_standards";
  public static final String ORDERS = "purchase_orders";
  public static final String PLANS = "production_plans";
  public static final String LOTS = "lots";
  public static final String DELIVERIES = "deliveries";
  public static final String WAREHOUSES = "warehouses";
  public static final String TRANSFORMATIONS = "transformations";
  public static final String SHIPMENTS = "shipments";

  private final MongoDatabase db;

  public ValueChainStore(MongoDatabase db) {
    this.db = db;
  }

  private VersionedCollection coll(String name) {
    return new VersionedCollection(db.getCollection(name));
  }

  public <T> Optional<T> find(String coll, String id, Class<T> type) {
    return coll(coll).find(id).map(d -> RecordDocs.fromDoc(d, type));
  }

  public boolean exists(String coll, String id) {
    return coll(coll).find(id).isPresent();
  }

  /** The record, or a 404 naming {@code what} (e.g. "lot"). */
  public <T> T get(String coll, String id, Class<T> type, String what) {
    return find(coll, id, type).orElseThrow(() -> org.mu1000.platform.shared.domain.DomainException.notFound(what,
        id));
  }

  /** Stores a new record at version 1; false when the id is taken. */
  public boolean insert(String coll, String id, Object record) {
    return coll(coll).insert(RecordDocs.toDoc(id, record));
  }

  /** Adds the insert of a new record (at version 1) to a batch of this store's deployment. */
  public void insert(WriteBatch batch, String coll, String id, Object record) {
    batch.insert(db.getName(), coll, VersionedCollection.fresh(RecordDocs.toDoc(id, record)));
  }

  /** Replaces the record if nobody changed it since {@code expected}; the stored record has the next version. */
  public <T> Optional<T> replace(String coll, String id, Object record, long expected, Class<T> type) {
    return coll(coll).replace(RecordDocs.toDoc(id, record), expected).map(d -> RecordDocs.fromDoc(d, type));
  }

  public <T> List<T> list(String coll, Bson filter, Bson sort, int skip, int limit, Class<T> type) {
    List<T> out = new ArrayList<>();
    coll(coll).page(filter, sort == null ? Sorts.ascending("_id") : sort, skip, limit)
        .forEach(d -> out.add(RecordDocs.fromDoc(d, type)));
    return out;
  }

  public long count(String coll, Bson filter) {
    return coll(coll).count(filter);
  }

  public <T> List<T> byIds(String coll, List<String> ids, Class<T> type) {
    return list(coll, Filters.in("_id", ids), null, 0, 0, type);
  }

  public MongoDatabase database() {
    return db;
  }

  public static Document idFilter(String id) {
    return new Document("_id", id);
  }
}
