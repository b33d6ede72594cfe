package org.mu1000.integrations.payments;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.PayoutPaid;
import org.mu1000.platform.finance.application.PayoutService;
import org.mu1000.platform.finance.application.PayoutsDue;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * Queues payouts for the provider routes when a batch is sent, and sweeps: batches being sent whose payouts were not
 * handed over (the server that had them stopped) are queued again, and payouts handed over without a final answer
 * for a while are looked up at the provider: its answer settles them, and one it never received is sent again under
 * the same reference.
 */
@ApplicationScoped
public class PayoutDispatcher {
  private static final Logger LOG = Logger.getLogger(PayoutDispatcher.class.getName());

  private CamelBootstrap camel;
  private PayoutService payouts;
  private PaymentRail rails;
  private TenantRepository tenants;
  private long sweepSeconds;
  private long unsettledAfterSeconds;
  private final Set<PayoutRoutes.Due> queued = ConcurrentHashMap.newKeySet();
  private final Set<PayoutRoutes.Due> texting = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService sweeper;

  protected PayoutDispatcher() {}

  @Inject
  public PayoutDispatcher(CamelBootstrap camel, PayoutService payouts, PaymentRail rails, TenantRepository tenants,
      @ConfigProperty(name = "mu1000.payouts.sweep-seconds", defaultValue = "30") long sweepSeconds,
      @ConfigProperty(name = "mu1000.payouts.unsettled-after-seconds", defaultValue = "120")
      long unsettledAfterSeconds) {
    this.camel = camel;
    this.payouts = payouts;
    this.rails = rails;
    this.tenants = tenants;
    this.sweepSeconds = sweepSeconds;
    this.unsettledAfterSeconds = unsettledAfterSeconds;
  }

  void onDue(@Observes PayoutsDue due) {
    boolean bulk = tenants.find(due.tenantId()).map(rails::bulk).orElse(false);
    due.payoutIds().forEach(id -> queue(new PayoutRoutes.Due(due.tenantId(), id), bulk));
  }

  /** Queues a payout for the routes: alone, or to be gathered with others of its tenant for a bulk transfer. */
  private void queue(PayoutRoutes.Due due, boolean bulk) {
    if (queued.add(due)) {
      try {
        camel.producer().sendBody(bulk ? PayoutRoutes.BULK_QUEUE : PayoutRoutes.QUEUE, due);
      } catch (RuntimeException e) {
        queued.remove(due); // the queue is full: the next sweep queues it
      }
    }
  }

  void done(PayoutRoutes.Due due) {
    queued.remove(due);
  }

  void onPaid(@Observes PayoutPaid paid) {
    text(new PayoutRoutes.Due(paid.tenantId(), paid.payoutId()));
  }

  private void text(PayoutRoutes.Due due) {
    if (texting.add(due)) {
      try {
        camel.producer().sendBody(PayoutRoutes.SMS_QUEUE, due);
      } catch (RuntimeException e) {
        texting.remove(due); // the next sweep queues it
      }
    }
  }

  void texted(PayoutRoutes.Due due) {
    texting.remove(due);
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mu1000-payout-sweep");
      t.setDaemon(true);
      return t;
    });
    sweeper.scheduleWithFixedDelay(this::sweepAll, Math.min(sweepSeconds, 10), sweepSeconds, TimeUnit.SECONDS);
  }

  void sweepAll() {
    for (Tenant t : tenants.all()) {
      if (!t.isOpen() || t.config().provider(ProviderConfig.PAYMENTS).isEmpty()) {
        continue;
      }
      if (t.config().provider(ProviderConfig.SMS).isPresent()) {
        payouts.untexted(t, Instant.now().minusSeconds(unsettledAfterSeconds), 500)
            .forEach(p -> text(new PayoutRoutes.Due(t.id(), p.id())));
      }
      try {
        sweep(t);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the payout sweep of " + t.id() + " failed", e);
      }
    }
  }

  /** One tenant's sweep; returns how many payouts it queued or settled. */
  int sweep(Tenant t) {
    int n = 0;
    boolean bulk = rails.bulk(t);
    for (String batch : payouts.sendingBatches(t)) {
      for (String id : payouts.unsent(t, batch)) {
        queue(new PayoutRoutes.Due(t.id(), id), bulk);
        n++;
      }
    }
    for (Payout p : payouts.unsettled(t, Instant.now().minusSeconds(unsettledAfterSeconds), 500)) {
      Optional<PaymentRail.Status> s = rails.status(t, p);
      if (s.isEmpty()) {
        continue;
      }
      switch (s.get().state()) {
        case PAID:
          payouts.settle(t, p.id(), true, s.get().transactionId(), null);
          n++;
          break;
        case FAILED:
          payouts.settle(t, p.id(), false, null, s.get().reason());
          n++;
          break;
        case UNKNOWN_TO_PROVIDER:
          queue(new PayoutRoutes.Due(t.id(), p.id()), bulk); // never arrived: the same reference again
          n++;
          break;
        default:
          payouts.accepted(t, p.id());
          break;
      }
    }
    return n;
  }

  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
