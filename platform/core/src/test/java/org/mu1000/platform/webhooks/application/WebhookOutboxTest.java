package org.mu1000.platform.webhooks.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.audit.infrastructure.mongo.MongoAuditTrail;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;
import org.mu1000.platform.tenancy.infrastructure.mongo.MongoTenantRepository;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import org.mu1000.platform.webhooks.infrastructure.mongo.MongoWebhookStore;

/** Deliveries wait in a Mongo outbox until delivered or dead-lettered, so a restart sends them again. */
class WebhookOutboxTest {
  static final Mongo MONGO = Mongo.connect(org.mu1000.localmongo.LocalMongo.memory(), "mu1000outbox");
  static final Caller ADMIN = new Caller("s", "admin", Set.of(Caller.TENANT_ADMIN), Set.of("rw"), Set.of());

  final List<WebhookDelivery> fired = new ArrayList<>();

  /** The route takes no more (its queue is full). */

  boolean full;
  WebhookService service;
  Tenant tenant;

  @BeforeEach
  void fresh() {
    MONGO.controlPlane().drop();
    MONGO.tenantDatabase("rw", null).drop();
    MongoTenantRepository tenants = new MongoTenantRepository(MONGO);
    tenant = Tenant.opened(new TenantConfig("rw", "Rwanda", "RW", "RWF", AreaUnit.HA, List.of("en"), "Africa/Kigali",
        BigDecimal.TEN, List.of(), null), null, Instant.now());
    tenants.insert(tenant);
    TenantDatabases databases = new TenantDatabases(MONGO, null);
    service = new WebhookService(new MongoWebhookStore(databases), tenants, new MongoAuditTrail(databases),
        new Recorder(),
        new WebhookTargets("localhost"));
    service.create(tenant, ADMIN, "http://localhost:9/hook", "sixteen-chars-secret", List.of("farmer.created"), true);
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  private RegistryEvent event(String id) {
    return new RegistryEvent(id, "rw", "farmer.created", "f1", Instant.now(), Map.of("id", "f1"));
  }

  @Test
  void anUndeliveredEventIsSentAgainAfterARestartAndOnlyOnce() {
    service.onRegistryEvent(event("ev1"));
    service.onRegistryEvent(new RegistryEvent("ev2", "rw", "plot.created", "p1", Instant.now(), Map.of()));
    assertEquals(1, fired.size(), "only subscribed event types");
    assertEquals(1, service.resendPending(Instant.now().plusSeconds(1)), "still in the outbox: a restart sends it again");
    service.delivered(fired.get(0));
    assertEquals(0, service.resendPending(Instant.now().plusSeconds(1)));
  }

  @Test
  void aDeadLetterLeavesTheOutboxAndAReplayReturnsToIt() {
    service.onRegistryEvent(event("ev3"));
    service.deadLetter(fired.get(0), "HTTP 500", 6);
    assertEquals(0, service.resendPending(Instant.now().plusSeconds(1)));
    var dead = service.deadLetters(tenant, ADMIN);
    assertEquals(1, dead.size());
    assertEquals(6, dead.get(0).attempts());
    service.replay(tenant, ADMIN, dead.get(0).id());
    assertEquals(1, service.resendPending(Instant.now().plusSeconds(1)));
    service.delivered(fired.get(fired.size() - 1));
    assertEquals(0, service.deadLetters(tenant, ADMIN).size(), "a replay that got through is no longer dead");
  }

  @Test
  void aFullRouteLeavesDeliveriesInTheOutboxForTheNextRound() {
    full = true;
    service.onRegistryEvent(event("ev4")); // the registry's change stands although the route takes no more
    assertEquals(0, service.resendPending(Instant.now().plusSeconds(1)), "the route is still full");
    full = false;
    assertEquals(0, service.resendPending(Instant.now().minusSeconds(60)), "handed too recently to send again");
    assertEquals(1, service.resendPending(Instant.now().plusSeconds(1)));
    assertEquals(0, service.resendPending(Instant.now().minusSeconds(60)), "taken by this round: not twice");
  }

  /** Records what would go to the delivery route. */
  class Recorder implements Event<WebhookDelivery> {
    @Override
    public void fire(WebhookDelivery event) {
      if (full) {
        throw new IllegalStateException("Queue full");
      }
      fired.add(event);
    }

    @Override
    public <U extends WebhookDelivery> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends WebhookDelivery> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<WebhookDelivery> select(Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends WebhookDelivery> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends WebhookDelivery> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
