package org.mu1000.platform.impact.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/** Rollups as documents of the tenant's database, one collection per kind; decimals stored as Decimal128. */
@ApplicationScoped
public class MongoRollups implements RollupStore {
  /** Where a rollup keeps the keys of the increments applied to it once. */
  static final String APPLIED = "appliedOnce";
  /** How many of those keys it keeps: a batch is written again soon after its first attempt, or never. */
  private static final int APPLIED_KEPT = 32;

  private TenantDatabases databases;

  protected MongoRollups() {}

  @Inject
  public MongoRollups(TenantDatabases databases) {
    this.databases = databases;
  }

  private MongoCollection<Document> coll(TenantHome t, String kind) {
    return databases.of(t).getCollection(kind);
  }

  @Override
  public RollupTable table(TenantHome tenant, String kind) {
    return new MongoRollupTable(coll(tenant, kind));
  }

  @Override
  public void inc(Batch batch, TenantHome tenant, String kind, List<RollupTable.Inc> incs) {
    String db = databases.of(tenant).getName();
    for (RollupTable.Inc i : incs) {
      WriteBatch.of(batch).upsert(db, kind, filter(i), update(i));
    }
  }

  @Override
  public void insert(Batch batch, TenantHome tenant, String kind, Rollup rollup) {
    WriteBatch.of(batch).insert(databases.of(tenant).getName(), kind, document(rollup));
  }

  @Override
  public void incOnce(Batch batch, TenantHome tenant, String kind, List<RollupTable.Inc> incs, String key) {
    String db = databases.of(tenant).getName();
    for (RollupTable.Inc i : incs) {
      // the rollup exists (an upsert that sets nothing on a match), then the increment applies if not yet applied
      WriteBatch.of(batch).upsert(db, kind, filter(i), new Document("$setOnInsert", new Document(i.onInsert())
          .append(APPLIED, List.of())));
      Document update = (Document) update(new RollupTable.Inc(i.id(), i.inc(), Map.of()));
      update.append("$push", new Document(APPLIED, new Document("$each", List.of(key)).append("$slice",
          -APPLIED_KEPT)));
      WriteBatch.of(batch).updateIf(db, kind, new Document("_id", i.id()).append(APPLIED, new Document("$ne", key)),
          update);
    }
  }

  @Override
  public void incIfVersion(Batch batch, TenantHome tenant, String kind, RollupTable.Inc inc, Object version) {
    Document expected = new Document("_id", inc.id()).append("v", version);
    WriteBatch.of(batch).updateIf(databases.of(tenant).getName(), kind, expected, update(inc));
  }

  @Override
  public void replaceAll(TenantHome tenant, String kind, Collection<Rollup> rollups) {
    MongoCollection<Document> coll = coll(tenant, kind);
    coll.deleteMany(new Document());
    List<Document> batch = new ArrayList<>();
    for (Rollup r : rollups) {
      Document d = document(r);
      d.put("v", 1L);
      batch.add(d);
      if (batch.size() == 1000) {
        coll.insertMany(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      coll.insertMany(batch);
    }
  }

  @Override
  public void forEach(TenantHome tenant, String kind, BiConsumer<String, Rollup> each) {
    coll(tenant, kind).find().batchSize(1000).forEach(d -> each.accept(d.getString("_id"), rollup(d)));
  }

  /** The document an increment applies to. */
  static Bson filter(RollupTable.Inc i) {
    return new Document("_id", i.id());
  }

  /**
   * The update of an increment (with upsert: the fields set when it creates the document), as a plain document: the
   * driver encodes it as it is, where {@code Updates.combine} builds a BSON document of every part first.
   */
  static Bson update(RollupTable.Inc i) {
    Document u = new Document();
    if (!i.inc().isEmpty()) {
      Document inc = new Document();
      i.inc().forEach((k, v) -> inc.append(k, bson(v)));
      u.append("$inc", inc);
    }
    if (!i.onInsert().isEmpty()) {
      u.append("$setOnInsert", new Document(i.onInsert()));
    }
    return u;
  }

  /** A stored document as a rollup: Decimal128 as BigDecimal, sub-documents as rollups. */
  static Rollup rollup(Document d) {
    if (d == null) {
      return null;
    }
    Rollup r = new Rollup();
    d.forEach((k, v) -> {
      if (!k.equals(APPLIED)) { // the store's bookkeeping, not a figure
        r.put(k, java(v));
      }
    });
    return r;
  }

  private static Object java(Object v) {
    if (v instanceof Decimal128 x) {
      return x.bigDecimalValue();
    }
    if (v instanceof Document sub) {
      return rollup(sub);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(MongoRollups::java).toList();
    }
    return v;
  }

  /** A rollup as a document to store. */
  static Document document(Map<String, Object> r) {
    if (r == null) {
      return null;
    }
    Document d = new Document();
    r.forEach((k, v) -> d.put(k, bson(v)));
    return d;
  }

  @SuppressWarnings("unchecked")
  static Object bson(Object v) {
    if (v instanceof BigDecimal b) {
      return new Decimal128(b);
    }
    if (v instanceof Map<?, ?> m) {
      return document((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(MongoRollups::bson).toList();
    }
    return v;
  }
}
