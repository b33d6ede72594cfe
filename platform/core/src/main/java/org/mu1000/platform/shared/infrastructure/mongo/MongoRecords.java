package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Records;
import org.mu1000.platform.shared.domain.Where;

/** Records as documents in one tenant's database: stored field by field through the codecs, every write versioned. */
public class MongoRecords implements Records {
  protected final MongoDatabase db;

  public MongoRecords(MongoDatabase db) {
    this.db = db;
  }

  private MongoCollection<BsonDocument> documents(String kind) {
    return db.getCollection(kind, BsonDocument.class);
  }

  @Override
  public <T> Optional<T> find(String kind, String id, Class<T> type) {
    return Optional.ofNullable(db.getCollection(kind, type).find(VersionedCollection.live(Filters.eq("_id", id)))
        .first());
  }

  @Override
  public boolean exists(String kind, String id) {
    return documents(kind).find(VersionedCollection.live(Filters.eq("_id", id))).projection(Projections.include("_id"))
        .first() != null;
  }

  @Override
  public boolean insert(String kind, String id, Object record) {
    return Docs.insertNew(documents(kind), VersionedCollection.fresh(Codecs.document(id, record)));
  }

  @Override
  public void insert(Batch batch, String kind, String id, Object record) {
    WriteBatch.of(batch).insert(db.getName(), kind, VersionedCollection.fresh(Codecs.document(id, record)));
  }

  @Override
  public <T> Optional<T> replace(String kind, String id, Object record, long expected, Class<T> type) {
    BsonDocument next = VersionedCollection.next(Codecs.document(id, record), expected);
    boolean replaced = documents(kind).replaceOne(VersionedCollection.at(id, expected), next).getMatchedCount() == 1;
    return replaced ? Optional.of(Codecs.record(next, type)) : Optional.empty();
  }

  @Override
  public <T> List<T> list(String kind, Where where, Where.Order order, int skip, int limit, Class<T> type) {
    List<T> out = new ArrayList<>();
    db.getCollection(kind, type).find(VersionedCollection.live(Queries.filter(where))).sort(Queries.sort(order))
        .skip(skip).limit(limit).into(out);
    return out;
  }

  @Override
  public long count(String kind, Where where) {
    return documents(kind).countDocuments(VersionedCollection.live(Queries.filter(where)));
  }

  @Override
  public List<String> ids(String kind, Where where) {
    List<String> out = new ArrayList<>();
    documents(kind).find(VersionedCollection.live(Queries.filter(where))).projection(Projections.include("_id"))
        .forEach(d -> out.add(d.getString("_id").getValue()));
    return out;
  }

  @Override
  public <T> Iterable<T> scan(String kind, Where where, List<String> fields, Class<T> type) {
    return db.getCollection(kind, type).find(VersionedCollection.live(Queries.filter(where))).batchSize(1000)
        .projection(Projections.include(fields));
  }
}
