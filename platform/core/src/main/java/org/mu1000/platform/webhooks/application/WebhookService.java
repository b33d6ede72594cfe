package org.mu1000.platform.webhooks.application;

import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mu1000.platform.audit.application.AuditLog;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.Ids;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * Tenant admins subscribe URLs to registry events. Each stored registry event becomes one {@link WebhookDelivery}
 * per matching subscription; deliveries that fail after the last retry are kept as dead letters to replay.
 */
@ApplicationScoped
public class WebhookService implements DeliveryOutcomes {
  public static final String SUBSCRIPTIONS = "webhook_subscriptions";
  public static final String DEAD_LETTERS = "webhook_dead_letters";
  public static final String OUTBOX = "webhook_outbox";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TenantDatabases databases;
  private TenantRepository tenants;
  private AuditLog audit;
  private Event<WebhookDelivery> deliveries;
  private WebhookTargets targets;

  public record Subscription(String id, String url, String secret, List<String> eventTypes, boolean active) {}

  public record DeadLetter(String id, String subscriptionId, String url, String eventType, String eventId,
      String payload, String error, int attempts, Instant failedAt, Instant replayedAt) {}

  protected WebhookService() {}

  @Inject
  public WebhookService(TenantDatabases databases, TenantRepository tenants, AuditLog audit,
      Event<WebhookDelivery> deliveries, WebhookTargets targets) {
    this.databases = databases;
    this.targets = targets;
    this.tenants = tenants;
    this.audit = audit;
    this.deliveries = deliveries;
  }

  private MongoCollection<Document> subs(Tenant t) {
    return databases.of(t).getCollection(SUBSCRIPTIONS);
  }

  private MongoCollection<Document> outbox(Tenant t) {
    return databases.of(t).getCollection(OUTBOX);
  }

  private MongoCollection<Document> dead(Tenant t) {
    return databases.of(t).getCollection(DEAD_LETTERS);
  }

  public List<Subscription> list(Tenant t, Caller c) {
    requireAdmin(c);
    return all(t);
  }

  private List<Subscription> all(Tenant t) {
    List<Subscription> out = new ArrayList<>();
    subs(t).find().sort(Sorts.ascending("_id")).forEach(d -> out.add(subscription(d)));
    return out;
  }

  public Subscription create(Tenant t, Caller c, String url, String secret, List<String> types, Boolean active) {
    requireAdmin(c);
    Violations v = new Violations();
    targets.refusal(url == null ? "" : url).ifPresent(why -> v.add("url", why));
    v.require(secret != null && secret.length() >= 16, "secret", "needs at least 16 characters");
    v.require(types != null && !types.isEmpty(), "eventTypes", "needs at least one event type");
    v.throwIfAny();
    Document d = new Document("_id", Ids.next("wh")).append("url", url).append("secret", secret)
        .append("eventTypes", types).append("active", active == null || active)
        .append("createdAt", new Date());
    subs(t).insertOne(d);
    audit.record(databases.of(t), c.username(), "webhook.created", "webhook", d.getString("_id"), null, d);
    return subscription(d);
  }

  public void delete(Tenant t, Caller c, String id) {
    requireAdmin(c);
    Document d = subs(t).findOneAndDelete(Filters.eq("_id", id));
    if (d == null) {
      throw DomainException.notFound("webhook", id);
    }
    audit.record(databases.of(t), c.username(), "webhook.deleted", "webhook", id, d, null);
  }

  /** Fans a stored registry change out to the tenant's matching subscriptions. */
  void onRegistryEvent(@Observes RegistryEvent e) {
    Tenant t = tenants.find(e.tenant()).orElse(null);
    if (t == null) {
      return;
    }
    String payload = payload(e);
    for (Subscription s : all(t)) {
      if (s.active() && s.eventTypes().contains(e.type())) {
        send(t, new WebhookDelivery(t.id(), s.id(), s.url(), s.secret(), e.type(), e.eventId(), payload, null));
      }
    }
  }

  /**
   * Stores the delivery in the outbox before handing it to the route, so a restart never loses it; the outbox entry
   * goes when the delivery succeeds or becomes a dead letter. Keyed by event and subscription: storing twice is one.
   */
  private void send(Tenant t, WebhookDelivery d) {
    outbox(t).replaceOne(Filters.eq("_id", outboxId(d)), new Document("_id", outboxId(d))
        .append("subscriptionId", d.subscriptionId()).append("url", d.url()).append("eventType", d.eventType())
        .append("eventId", d.eventId()).append("payload", d.payload()).append("replayOf", d.replayOf())
        .append("createdAt", new Date()), new com.mongodb.client.model.ReplaceOptions().upsert(true));
    deliveries.fire(d);
  }

  private static String outboxId(WebhookDelivery d) {
    return d.eventId() + "|" + d.subscriptionId();
  }

  /** Hands every stored, unfinished delivery to the route again (at start-up). Returns how many. */
  public int resendPending() {
    int n = 0;
    for (Tenant t : tenants.all()) {
      Map<String, Subscription> subs = new java.util.HashMap<>();
      all(t).forEach(s -> subs.put(s.id(), s));
      for (Document d : outbox(t).find()) {
        Subscription s = subs.get(d.getString("subscriptionId"));
        if (s == null) {
          outbox(t).deleteOne(Filters.eq("_id", d.getString("_id")));
          continue;
        }
        deliveries.fire(new WebhookDelivery(t.id(), s.id(), s.url(), s.secret(), d.getString("eventType"),
            d.getString("eventId"), d.getString("payload"), d.getString("replayOf")));
        n++;
      }
    }
    return n;
  }

  static String payload(RegistryEvent e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", e.eventId());
    body.put("type", e.type());
    body.put("tenant", e.tenant());
    body.put("occurredAt", e.occurredAt().toString());
    body.put("data", e.data());
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  /** Called by the delivery route after its last retry. Idempotent per (event, subscription). */
  @Override
  public void deadLetter(WebhookDelivery d, String error, int attempts) {
    Tenant t = tenants.find(d.tenant()).orElse(null);
    if (t == null) {
      return;
    }
    outbox(t).deleteOne(Filters.eq("_id", outboxId(d)));
    String id = "dl-" + d.eventId() + "-" + d.subscriptionId();
    dead(t).replaceOne(Filters.eq("_id", id), new Document("_id", id).append("subscriptionId", d.subscriptionId())
        .append("url", d.url()).append("eventType", d.eventType()).append("eventId", d.eventId())
        .append("payload", d.payload()).append("error", error).append("attempts", attempts)
        .append("failedAt", new Date()).append("replayedAt", null),
        new com.mongodb.client.model.ReplaceOptions().upsert(true));
  }

  public List<DeadLetter> deadLetters(Tenant t, Caller c) {
    requireAdmin(c);
    List<DeadLetter> out = new ArrayList<>();
    dead(t).find().sort(Sorts.descending("failedAt")).forEach(d -> out.add(new DeadLetter(d.getString("_id"),
        d.getString("subscriptionId"), d.getString("url"), d.getString("eventType"), d.getString("eventId"),
        d.getString("payload"), d.getString("error"), Docs.integer(d, "attempts"), Docs.instant(d, "failedAt"),
        Docs.instant(d, "replayedAt"))));
    return out;
  }

  /** Queues a dead letter again, to the subscription's current URL and secret. */
  public void replay(Tenant t, Caller c, String id) {
    requireAdmin(c);
    Document d = dead(t).find(Filters.eq("_id", id)).first();
    if (d == null) {
      throw DomainException.notFound("dead letter", id);
    }
    Document s = subs(t).find(Filters.eq("_id", d.getString("subscriptionId"))).first();
    if (s == null) {
      throw new DomainException(DomainException.Kind.CONFLICT, "the subscription of this delivery was removed");
    }
    dead(t).updateOne(Filters.eq("_id", id), Updates.set("replayedAt", new Date()));
    audit.record(databases.of(t), c.username(), "webhook.replayed", "dead-letter", id, null, null);
    send(t, new WebhookDelivery(t.id(), s.getString("_id"), s.getString("url"), s.getString("secret"),
        d.getString("eventType"), d.getString("eventId"), d.getString("payload"), id));
  }

  /** A replayed delivery that got through is no longer dead. */
  @Override
  public void delivered(WebhookDelivery d) {
    tenants.find(d.tenant()).ifPresent(t -> {
      outbox(t).deleteOne(Filters.eq("_id", outboxId(d)));
      if (d.replayOf() != null) {
        dead(t).deleteOne(Filters.eq("_id", d.replayOf()));
      }
    });
  }

  private static Subscription subscription(Document d) {
    return new Subscription(d.getString("_id"), d.getString("url"), d.getString("secret"),
        Docs.strings(d, "eventTypes"), Boolean.TRUE.equals(d.getBoolean("active")));
  }

  private static void requireAdmin(Caller c) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins manage webhooks");
    }
  }
}
