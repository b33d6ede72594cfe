package org.mu1000.integrations.webhooks;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.platform.webhooks.application.WebhookService;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;

/**
 * Hands each delivery to the Camel route's queue, so the request that caused it never waits for a subscriber. The
 * outbox, not the queue, is what holds deliveries: at start-up, and every minute after, deliveries the route should
 * long have finished (its queue was full, or the server that had them stopped) are handed to it again.
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  /** Longer than the route's retries of one delivery take (5 redeliveries from 2 s, doubling: about a minute). */
  static final Duration SETTLED = Duration.ofMinutes(10);

  private CamelBootstrap camel;
  private ScheduledExecutorService sweeper;

  protected WebhookDispatcher() {}

  @Inject
  public WebhookDispatcher(CamelBootstrap camel) {
    this.camel = camel;
  }

  /** Throws if the route's queue is full: the delivery stays in the outbox for a later round. */
  void onDelivery(@Observes WebhookDelivery delivery) {
    camel.producer().sendBody(WebhookRoutes.QUEUE, delivery);
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored, WebhookService webhooks) {
    camel.start();
    int n = webhooks.resendPending(Instant.now());
    if (n > 0) {
      LOG.info(n + " webhook deliveries from before the restart queued again");
    }
    sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mu1000-webhook-outbox");
      t.setDaemon(true);
      return t;
    });
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        int again = webhooks.resendPending(Instant.now().minus(SETTLED));
        if (again > 0) {
          LOG.info(again + " webhook deliveries waiting in the outbox queued again");
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not look at the webhook outbox", e);
      }
    }, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
