package org.mu1000.platform.webhooks.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.NewFarmers;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.webhooks.domain.DeadLetter;
import org.mu1000.platform.webhooks.domain.Subscription;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import org.mu1000.platform.webhooks.domain.WebhookStore;

/**
 * Tenant admins subscribe URLs to registry events. Each stored registry event becomes one {@link WebhookDelivery}
 * per matching subscription; deliveries that fail after the last retry are kept as dead letters to replay.
 */
@ApplicationScoped
public class WebhookService implements DeliveryOutcomes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookStore store;
  private TenantRepository tenants;
  private AuditTrail audit;
  private Event<WebhookDelivery> deliveries;
  private WebhookTargets targets;

  protected WebhookService() {}

  @Inject
  public WebhookService(WebhookStore store, TenantRepository tenants, AuditTrail audit,
      Event<WebhookDelivery> deliveries, WebhookTargets targets) {
    this.store = store;
    this.targets = targets;
    this.tenants = tenants;
    this.audit = audit;
    this.deliveries = deliveries;
  }

  public List<Subscription> list(Tenant t, Caller c) {
    requireAdmin(c);
    return all(t);
  }

  private List<Subscription> all(Tenant t) {
    return store.subscriptions(t);
  }

  public Subscription create(Tenant t, Caller c, String url, String secret, List<String> types, Boolean active) {
    requireAdmin(c);
    Violations v = new Violations();
    targets.refusal(url == null ? "" : url).ifPresent(why -> v.add("url", why));
    v.require(secret != null && secret.length() >= 16, "secret", "needs at least 16 characters");
    v.require(types != null && !types.isEmpty(), "eventTypes", "needs at least one event type");
    v.throwIfAny();
    Subscription s = new Subscription(Ids.next("wh"), url, secret, List.copyOf(types), active == null || active);
    store.add(t, s);
    audit.record(t, c.username(), "webhook.created", "webhook", s.id(), null, s);
    return s;
  }

  public void delete(Tenant t, Caller c, String id) {
    requireAdmin(c);
    Subscription s = store.remove(t, id).orElseThrow(() -> DomainException.notFound("webhook", id));
    audit.record(t, c.username(), "webhook.deleted", "webhook", id, s, null);
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

  /** New farmers written in bulk: their deliveries go into the outbox with them, and to the route once written. */
  void onNewFarmers(@Observes NewFarmers n) {
    List<Subscription> subs = all(n.tenant()).stream().filter(Subscription::active).toList();
    if (subs.isEmpty()) {
      return;
    }
    for (RegistryEvent e : n.events()) {
      String payload = null;
      for (Subscription s : subs) {
        if (s.eventTypes().contains(e.type())) {
          payload = payload == null ? payload(e) : payload;
          WebhookDelivery d = new WebhookDelivery(n.tenant().id(), s.id(), s.url(), s.secret(), e.type(),
              e.eventId(), payload, null);
          store.queue(n.batch(), n.tenant(), outboxId(d), d);
          n.afterwards().add(() -> hand(d));
        }
      }
    }
  }

  /**
   * Stores the delivery in the outbox before handing it to the route, so a restart never loses it; the outbox entry
   * goes when the delivery succeeds or becomes a dead letter. Keyed by event and subscription: storing twice is one.
   */
  private void send(Tenant t, WebhookDelivery d) {
    store.queue(t, outboxId(d), d);
    hand(d);
  }

  private static String outboxId(WebhookDelivery d) {
    return d.eventId() + "|" + d.subscriptionId();
  }

  /**
   * Hands the stored, unfinished deliveries last handed to the route before {@code before} to it again: at start-up
   * all of them, later those the route should long have finished (its queue was full, or its server stopped). One
   * server takes each; a full queue stops the round, and the rest wait for the next. Returns how many it handed.
   */
  public int resendPending(Instant before) {
    int n = 0;
    for (Tenant t : tenants.all()) {
      Map<String, Subscription> subs = new java.util.HashMap<>();
      all(t).forEach(s -> subs.put(s.id(), s));
      for (WebhookStore.Queued q : store.queued(t, before, 1000)) {
        Subscription s = subs.get(q.subscriptionId());
        if (s == null) {
          store.dequeue(t, q.id());
          continue;
        }
        if (!store.take(t, q.id(), q.handedAt(), Instant.now())) {
          continue;
        }
        WebhookDelivery d = new WebhookDelivery(t.id(), s.id(), s.url(), s.secret(), q.eventType(), q.eventId(),
            q.payload(), q.replayOf());
        if (!hand(d)) {
          return n;
        }
        n++;
      }
    }
    return n;
  }

  /** Hands a stored delivery to the route; false if the route takes no more now (it stays in the outbox). */
  private boolean hand(WebhookDelivery d) {
    try {
      deliveries.fire(d);
      return true;
    } catch (RuntimeException full) {
      return false;
    }
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
    store.dequeue(t, outboxId(d));
    store.bury(t, new DeadLetter("dl-" + d.eventId() + "-" + d.subscriptionId(), d.subscriptionId(), d.url(),
        d.eventType(), d.eventId(), d.payload(), error, attempts, Instant.now(), null));
  }

  public List<DeadLetter> deadLetters(Tenant t, Caller c) {
    requireAdmin(c);
    return store.deadLetters(t);
  }

  /** Queues a dead letter again, to the subscription's current URL and secret. */
  public void replay(Tenant t, Caller c, String id) {
    requireAdmin(c);
    DeadLetter d = store.deadLetter(t, id).orElseThrow(() -> DomainException.notFound("dead letter", id));
    Subscription s = store.subscription(t, d.subscriptionId()).orElseThrow(() -> new DomainException(
        DomainException.Kind.CONFLICT, "the subscription of this delivery was removed"));
    store.replayed(t, id, Instant.now());
    audit.record(t, c.username(), "webhook.replayed", "dead-letter", id, null, null);
    send(t, new WebhookDelivery(t.id(), s.id(), s.url(), s.secret(), d.eventType(), d.eventId(), d.payload(), id));
  }

  /** A replayed delivery that got through is no longer dead. */
  @Override
  public void delivered(WebhookDelivery d) {
    tenants.find(d.tenant()).ifPresent(t -> {
      store.dequeue(t, outboxId(d));
      if (d.replayOf() != null) {
        store.forget(t, d.replayOf());
      }
    });
  }

  private static void requireAdmin(Caller c) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins manage webhooks");
    }
  }
}
