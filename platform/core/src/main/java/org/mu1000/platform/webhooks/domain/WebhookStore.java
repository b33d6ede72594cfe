package org.mu1000.platform.webhooks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/** Port: a tenant's subscriptions, the outbox of deliveries not yet done, and the dead letters. */
public interface WebhookStore {
  /** A delivery in the outbox: stored before it is sent, removed once it is delivered or dead. */
  record Queued(String id, String subscriptionId, String eventType, String eventId, String payload,
      String replayOf) {}

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

  List<Queued> queued(TenantHome tenant);

  void dequeue(TenantHome tenant, String id);

  /** Stores (or replaces) a dead letter. */
  void bury(TenantHome tenant, DeadLetter d);

  /** The dead letters, the latest failure first. */
  List<DeadLetter> deadLetters(TenantHome tenant);

  Optional<DeadLetter> deadLetter(TenantHome tenant, String id);

  void replayed(TenantHome tenant, String id, Instant at);

  void forget(TenantHome tenant, String deadLetterId);
}
