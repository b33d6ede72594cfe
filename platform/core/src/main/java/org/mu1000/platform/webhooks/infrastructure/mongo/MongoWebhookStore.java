package org.mu1000.platform.webhooks.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.webhooks.domain.DeadLetter;
import org.mu1000.platform.webhooks.domain.Subscription;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import org.mu1000.platform.webhooks.domain.WebhookStore;

/** Subscriptions, outbox and dead letters as three collections of the tenant's database. */
@ApplicationScoped
public class MongoWebhookStore implements WebhookStore {
  public static final String SUBSCRIPTIONS = "webhook_subscriptions";
  public static final String DEAD_LETTERS = "webhook_dead_letters";
  public static final String OUTBOX = "webhook_outbox";

  private TenantDatabases databases;

  protected MongoWebhookStore() {}

  @Inject
  public MongoWebhookStore(TenantDatabases databases) {
    this.databases = databases;
  }

  private MongoCollection<Document> coll(TenantHome t, String name) {
    return databases.of(t).getCollection(name);
  }

  @Override
  public List<Subscription> subscriptions(TenantHome t) {
    List<Subscription> out = new ArrayList<>();
    coll(t, SUBSCRIPTIONS).find().sort(Sorts.ascending("_id")).forEach(d -> out.add(subscription(d)));
    return out;
  }

  @Override
  public Optional<Subscription> subscription(TenantHome t, String id) {
    return Optional.ofNullable(coll(t, SUBSCRIPTIONS).find(Filters.eq("_id", id)).first())
        .map(MongoWebhookStore::subscription);
  }

  @Override
  public void add(TenantHome t, Subscription s) {
    coll(t, SUBSCRIPTIONS).insertOne(new Document("_id", s.id()).append("url", s.url()).append("secret", s.secret())
        .append("eventTypes", s.eventTypes()).append("active", s.active()).append("createdAt", new Date()));
  }

  @Override
  public Optional<Subscription> remove(TenantHome t, String id) {
    return Optional.ofNullable(coll(t, SUBSCRIPTIONS).findOneAndDelete(Filters.eq("_id", id)))
        .map(MongoWebhookStore::subscription);
  }

  @Override
  public void queue(TenantHome t, String id, WebhookDelivery d) {
    coll(t, OUTBOX).replaceOne(Filters.eq("_id", id), queued(id, d), new ReplaceOptions().upsert(true));
  }

  @Override
  public void queue(Batch batch, TenantHome t, String id, WebhookDelivery d) {
    Document entry = queued(id, d);
    entry.remove("_id");
    WriteBatch.of(batch).upsert(databases.of(t).getName(), OUTBOX, Filters.eq("_id", id), new Document("$set",
        entry));
  }

  private static Document queued(String id, WebhookDelivery d) {
    return new Document("_id", id).append("subscriptionId", d.subscriptionId()).append("url", d.url())
        .append("eventType", d.eventType()).append("eventId", d.eventId()).append("payload", d.payload())
        .append("replayOf", d.replayOf()).append("createdAt", new Date());
  }

  @Override
  public List<Queued> queued(TenantHome t, Instant before, int limit) {
    List<Queued> out = new ArrayList<>();
    coll(t, OUTBOX).find(Filters.lt("createdAt", Date.from(before))).sort(Sorts.ascending("createdAt"))
        .limit(limit).forEach(d -> out.add(new Queued(d.getString("_id"), d.getString("subscriptionId"),
            d.getString("eventType"), d.getString("eventId"), d.getString("payload"), d.getString("replayOf"),
            d.getDate("createdAt").toInstant())));
    return out;
  }

  @Override
  public boolean take(TenantHome t, String id, Instant handedAt, Instant now) {
    return coll(t, OUTBOX).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("createdAt",
        Date.from(handedAt))), Updates.set("createdAt", Date.from(now))).getModifiedCount() == 1;
  }

  @Override
  public void dequeue(TenantHome t, String id) {
    coll(t, OUTBOX).deleteOne(Filters.eq("_id", id));
  }

  @Override
  public void bury(TenantHome t, DeadLetter d) {
    coll(t, DEAD_LETTERS).replaceOne(Filters.eq("_id", d.id()), new Document("_id", d.id())
        .append("subscriptionId", d.subscriptionId()).append("url", d.url()).append("eventType", d.eventType())
        .append("eventId", d.eventId()).append("payload", d.payload()).append("error", d.error())
        .append("attempts", d.attempts()).append("failedAt", Docs.date(d.failedAt()))
        .append("replayedAt", Docs.date(d.replayedAt())), new ReplaceOptions().upsert(true));
  }

  @Override
  public List<DeadLetter> deadLetters(TenantHome t) {
    List<DeadLetter> out = new ArrayList<>();
    coll(t, DEAD_LETTERS).find().sort(Sorts.descending("failedAt")).forEach(d -> out.add(deadLetter(d)));
    return out;
  }

  @Override
  public Optional<DeadLetter> deadLetter(TenantHome t, String id) {
    return Optional.ofNullable(coll(t, DEAD_LETTERS).find(Filters.eq("_id", id)).first())
        .map(MongoWebhookStore::deadLetter);
  }

  @Override
  public void replayed(TenantHome t, String id, Instant at) {
    coll(t, DEAD_LETTERS).updateOne(Filters.eq("_id", id), Updates.set("replayedAt", Date.from(at)));
  }

  @Override
  public void forget(TenantHome t, String deadLetterId) {
    coll(t, DEAD_LETTERS).deleteOne(Filters.eq("_id", deadLetterId));
  }

  private static Subscription subscription(Document d) {
    return new Subscription(d.getString("_id"), d.getString("url"), d.getString("secret"),
        Docs.strings(d, "eventTypes"), Boolean.TRUE.equals(d.getBoolean("active")));
  }

  private static DeadLetter deadLetter(Document d) {
    Integer attempts = Docs.integer(d, "attempts");
    return new DeadLetter(d.getString("_id"), d.getString("subscriptionId"), d.getString("url"),
        d.getString("eventType"), d.getString("eventId"), d.getString("payload"), d.getString("error"),
        attempts == null ? 0 : attempts, Docs.instant(d, "failedAt"), Docs.instant(d, "replayedAt"));
  }
}
