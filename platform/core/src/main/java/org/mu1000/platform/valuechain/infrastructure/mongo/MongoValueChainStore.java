package org.mu1000.platform.valuechain.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.shared.infrastructure.mongo.Queries;
import org.mu1000.platform.shared.infrastructure.mongo.RecordDocs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.VersionedCollection;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** The value chain's records as documents in one tenant's database: stored field by field, every write versioned. */
public final class MongoValueChainStore implements ValueChainStore {
  private final MongoDatabase db;

  public MongoValueChainStore(MongoDatabase db) {
    this.db = db;
  }

  /** The stores of every tenant, each in the tenant's own database. */
  @ApplicationScoped
  public static class Stores implements ValueChainStore.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public ValueChainStore of(Tenant tenant) {
      return new MongoValueChainStore(databases.of(tenant));
    }
  }

  private VersionedCollection coll(String kind) {
    return new VersionedCollection(db.getCollection(kind));
  }

  @Override
  public <T> Optional<T> find(String kind, String id, Class<T> type) {
    return coll(kind).find(id).map(d -> RecordDocs.fromDoc(d, type));
  }

  @Override
  public boolean exists(String kind, String id) {
    return coll(kind).find(id).isPresent();
  }

  @Override
  public boolean insert(String kind, String id, Object record) {
    return coll(kind).insert(RecordDocs.toDoc(id, record));
  }

  @Override
  public void insert(Batch batch, String kind, String id, Object record) {
    WriteBatch.of(batch).insert(db.getName(), kind, VersionedCollection.fresh(RecordDocs.toDoc(id, record)));
  }

  @Override
  public <T> Optional<T> replace(String kind, String id, Object record, long expected, Class<T> type) {
    return coll(kind).replace(RecordDocs.toDoc(id, record), expected).map(d -> RecordDocs.fromDoc(d, type));
  }

  @Override
  public <T> List<T> list(String kind, Where where, Where.Order order, int skip, int limit, Class<T> type) {
    List<T> out = new ArrayList<>();
    coll(kind).page(Queries.filter(where), Queries.sort(order), skip, limit)
        .forEach(d -> out.add(RecordDocs.fromDoc(d, type)));
    return out;
  }

  @Override
  public long count(String kind, Where where) {
    return coll(kind).count(Queries.filter(where));
  }

  @Override
  public List<String> ids(String kind, Where where) {
    List<String> out = new ArrayList<>();
    db.getCollection(kind).find(VersionedCollection.live(Queries.filter(where))).projection(Projections.include("_id"))
        .forEach(d -> out.add(d.getString("_id")));
    return out;
  }

  @Override
  public <T> Iterable<T> scan(String kind, Where where, List<String> fields, Class<T> type) {
    var found = db.getCollection(kind).find(VersionedCollection.live(Queries.filter(where))).batchSize(1000)
        .projection(Projections.include(fields));
    return () -> new Iterator<>() {
      final Iterator<Document> it = found.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return RecordDocs.fromDoc(it.next(), type);
      }
    };
  }
}
