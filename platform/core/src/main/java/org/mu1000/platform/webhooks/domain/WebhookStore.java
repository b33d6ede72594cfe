package org.mu1000.platform.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/** Port: a tenant's subscriptions, the outbox of deliveries not yet done, and the dead letters. */
public interface WebhookStore {
  /**
   * A delivery in the outbox: stored before it is sent, removed once it is delivered or dead; {@code handedAt} is
   * when it was last handed to the delivery route.
   */
  record Queued(String id, String subscriptionId, String eventType, String eventId, String payload,
      String replayOf, Instant handedAt) {}

  /** Every subscription, in the order they were created. */
  List<Subscription> subscriptions(TenantHome tenant);

  Optional<Subscription> subscription(TenantHome tenant, String id);

  void add(TenantHome tenant, Subscription s);

  /** Removes the subscription; what it was, if there was one. */
  Optional<Subscription> remove(TenantHome tenant, String id);

  /** Stores a delivery under {@code id}; storing one twice keeps one. */
  void queue(TenantHome tenant, String id, WebhookDelivery d);

  /** Adds a delivery to the outbox with a batch of writes of the tenant's deployment. */
  void queue(Batch batch, TenantHome tenant, String id, WebhookDelivery d);

  /** Deliveries last handed to the route before {@code before} (the oldest first, at most {@code limit}). */
  List<Queued> queued(TenantHome tenant, Instant before, int limit);

  /**
   * Takes a delivery to hand it to the route again: true if it was still last handed at {@code handedAt} (no other
   * server took it meanwhile), and it is now handed at {@code now}.
   */
  boolean take(TenantHome tenant, String id, Instant handedAt, Instant now);

  void dequeue(TenantHome tenant, String id);

  /** Stores (or replaces) a dead letter. */
  void bury(TenantHome tenant, DeadLetter d);

  /** The dead letters, the latest failure first. */
  List<DeadLetter> deadLetters(TenantHome tenant);

  Optional<DeadLetter> deadLetter(TenantHome tenant, String id);

  void replayed(TenantHome tenant, String id, Instant at);

  void forget(TenantHome tenant, String deadLetterId);
}
