package org.mu1000.platform.traceability.infrastructure.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.traceability.domain.EventLog;

/** Events and chain heads in the tenant's database; the lot-number index in the control plane. */
@ApplicationScoped
public class MongoEventLog implements EventLog {
  public static final String EVENTS = "epcis_events";
  public static final String HEADS = "trace_heads";
  public static final String INDEX = "trace_index";

  private TenantDatabases databases;

  protected MongoEventLog() {}

  @Inject
  public MongoEventLog(TenantDatabases databases) {
    this.databases = databases;
  }

  @Override
  public boolean claim(String lotNumber, String tenant, String lotId) {
    return Docs.insertNew(index(), claimOf(lotNumber, tenant, lotId));
  }

  @Override
  public int claim(Batch batch, String lotNumber, String tenant, String lotId) {
    return WriteBatch.of(batch).insert(databases.controlPlane().getName(), INDEX, claimOf(lotNumber, tenant, lotId));
  }

  private static Document claimOf(String lotNumber, String tenant, String lotId) {
    return new Document("_id", lotNumber).append("tenant", tenant).append("lotId", lotId);
  }

  @Override
  public Optional<Located> locate(String lotNumber) {
    Document d = index().find(new Document("_id", lotNumber)).first();
    return d == null ? Optional.empty() : Optional.of(new Located(d.getString("tenant"), d.getString("lotId")));
  }

  private MongoCollection<Document> index() {
    return databases.controlPlane().getCollection(INDEX);
  }

  @Override
  public void recordFirst(Batch batch, TenantHome tenant, Chained e) {
    String db = databases.of(tenant).getName();
    String lot = e.lots().get(0);
    WriteBatch.of(batch).insert(db, HEADS, new Document("_id", lot).append("hash", e.hash()).append("count", 1));
    WriteBatch.of(batch).insert(db, EVENTS, document(e));
  }

  @Override
  public Optional<Head> head(TenantHome tenant, String lotId) {
    Document h = heads(tenant).find(new Document("_id", lotId)).first();
    return h == null ? Optional.empty() : Optional.of(new Head(h.getString("hash"), h.getInteger("count")));
  }

  @Override
  public boolean advance(TenantHome tenant, String lot, int count, String previous, String hash) {
    MongoCollection<Document> heads = heads(tenant);
    if (count == 0) {
      try {
        heads.insertOne(new Document("_id", lot).append("hash", hash).append("count", 1));
        return true;
      } catch (MongoWriteException e) {
        return false;
      }
    }
    return heads.updateOne(new Document("_id", lot).append("hash", previous).append("count", count),
        new Document("$set", new Document("hash", hash).append("count", count + 1))).getMatchedCount() == 1;
  }

  @Override
  public void restore(TenantHome tenant, String lot, String advancedTo, String previous, int count) {
    heads(tenant).updateOne(new Document("_id", lot).append("hash", advancedTo), new Document("$set",
        new Document("hash", previous).append("count", count)));
  }

  @Override
  public void append(TenantHome tenant, Chained e) {
    databases.of(tenant).getCollection(EVENTS).insertOne(document(e));
  }

  @Override
  public List<Chained> events(TenantHome tenant, String lotId) {
    List<Chained> out = new ArrayList<>();
    databases.of(tenant).getCollection(EVENTS).find(Filters.eq("lots", lotId)).forEach(d -> out.add(chained(d)));
    return out;
  }

  private MongoCollection<Document> heads(TenantHome tenant) {
    return databases.of(tenant).getCollection(HEADS);
  }

  private static Document document(Chained e) {
    return new Document("_id", e.eventId()).append("lots", e.lots()).append("body", e.body())
        .append("previous", new Document(new LinkedHashMap<>(e.previous())))
        .append("positions", new Document(new LinkedHashMap<>(e.positions())))
        .append("hash", e.hash()).append("recordedAt", e.recordedAt());
  }

  private static Chained chained(Document d) {
    Map<String, String> prev = new LinkedHashMap<>();
    d.get("previous", Document.class).forEach((k, v) -> prev.put(k, String.valueOf(v)));
    Map<String, Integer> pos = new LinkedHashMap<>();
    Document p = d.get("positions", Document.class);
    if (p != null) {
      p.forEach((k, v) -> pos.put(k, ((Number) v).intValue()));
    }
    return new Chained(d.getString("_id"), Docs.strings(d, "lots"), d.getString("body"), prev, pos,
        d.getString("hash"), d.getString("recordedAt"));
  }
}
