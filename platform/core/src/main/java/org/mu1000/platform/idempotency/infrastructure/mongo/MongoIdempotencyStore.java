package org.mu1000.platform.idempotency.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.mu1000.platform.idempotency.domain.IdempotencyStore;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;

/**
 * Keys in {@code idempotency_keys} of the tenant's database (the control plane's outside a tenant), one document per
 * caller and key ({@code _id}, so a second claim fails as a duplicate), removed by a TTL index once expired.
 */
@ApplicationScoped
public class MongoIdempotencyStore implements IdempotencyStore {
  public static final String KEYS = "idempotency_keys";

  private TenantDatabases databases;

  protected MongoIdempotencyStore() {}

  @Inject
  public MongoIdempotencyStore(TenantDatabases databases) {
    this.databases = databases;
  }

  /** The platform's keys expire as tenants' do (their indexes come with each tenant's). */
  @PostConstruct
  void expireControlPlaneKeys() {
    databases.controlPlane().getCollection(KEYS).createIndex(new Document("expiresAt", 1),
        new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  private MongoCollection<Document> keys(TenantHome tenant) {
    return (tenant == null ? databases.controlPlane() : databases.of(tenant)).getCollection(KEYS);
  }

  @Override
  public boolean claim(TenantHome tenant, String id, String fingerprint, Instant now, Instant until) {
    return Docs.insertNew(keys(tenant), new Document("_id", id).append("fingerprint", fingerprint)
        .append("claimedAt", Date.from(now)).append("expiresAt", Date.from(until)));
  }

  @Override
  public Optional<Entry> find(TenantHome tenant, String id) {
    Document d = keys(tenant).find(Filters.eq("_id", id)).first();
    if (d == null) {
      return Optional.empty();
    }
    Document a = d.get("answer", Document.class);
    Answer answer = a == null ? null : new Answer(a.getInteger("status"), a.getString("contentType"),
        a.getString("location"), a.getString("etag"), a.get("body", Binary.class).getData());
    return Optional.of(new Entry(d.getString("fingerprint"), d.getDate("claimedAt").toInstant(), answer));
  }

  @Override
  public boolean reclaim(TenantHome tenant, String id, Instant claimedAt, Instant now) {
    return keys(tenant).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("claimedAt", Date.from(claimedAt)),
        Filters.exists("answer", false)), Updates.set("claimedAt", Date.from(now))).getModifiedCount() == 1;
  }

  @Override
  public void answer(TenantHome tenant, String id, Answer a) {
    keys(tenant).updateOne(Filters.eq("_id", id), Updates.set("answer", new Document("status", a.status())
        .append("contentType", a.contentType()).append("location", a.location()).append("etag", a.etag())
        .append("body", new Binary(a.body()))));
  }

  @Override
  public void release(TenantHome tenant, String id) {
    keys(tenant).deleteOne(Filters.eq("_id", id));
  }
}
