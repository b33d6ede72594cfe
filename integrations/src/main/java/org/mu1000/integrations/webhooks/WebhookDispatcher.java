package org.mu1000.integrations.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;

/** Hands each delivery to the Camel route's queue, so the request that caused it never waits for a subscriber. */
@ApplicationScoped
public class WebhookDispatcher {
  private CamelBootstrap camel;

  protected WebhookDispatcher() {}

  @Inject
  public WebhookDispatcher(CamelBootstrap camel) {
    this.camel = camel;
  }

  void onDelivery(@Observes WebhookDelivery delivery) {
    camel.producer().sendBody(WebhookRoutes.QUEUE, delivery);
  }

  /** After Camel is up, deliveries the outbox still holds from before a restart go out again. */
  void onStart(@Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object ignored,
      org.mu1000.platform.webhooks.application.WebhookService webhooks) {
    camel.start();
    int n = webhooks.resendPending();
    if (n > 0) {
      java.util.logging.Logger.getLogger(WebhookDispatcher.class.getName())
          .info(n + " webhook deliveries from before the restart queued again");
    }
  }
}
