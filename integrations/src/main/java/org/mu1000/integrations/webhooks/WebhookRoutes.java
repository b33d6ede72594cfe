package org.mu1000.integrations.webhooks;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import org.mu1000.platform.webhooks.application.DeliveryOutcomes;
import org.mu1000.platform.webhooks.application.WebhookService;
import org.mu1000.platform.webhooks.application.WebhookTargets;

/**
 * Delivers registry events to subscribers: POST JSON with an HMAC signature; a non-2xx answer or a network error is
 * retried with exponential backoff; after the last retry the delivery becomes a dead letter the tenant admin can
 * see and replay.
 */
/** Dependent: Weld cannot proxy RouteBuilder, and Camel holds the one instance it is given anyway. */
@Dependent
public class WebhookRoutes extends RouteBuilder {
  public static final String QUEUE = "seda:webhooks?concurrentConsumers=4&size=10000";
  static final String DELIVERY = "mu1000Delivery";
  static final String ATTEMPTS = "mu1000Attempts";

  private DeliveryOutcomes webhooks;
  private WebhookTargets targets;
  private int maxRedeliveries;
  private long delayMs;

  protected WebhookRoutes() {}

  @Inject
  public WebhookRoutes(WebhookService webhooks, WebhookTargets targets,
      @ConfigProperty(name = "mu1000.webhooks.max-redeliveries", defaultValue = "5") int maxRedeliveries,
      @ConfigProperty(name = "mu1000.webhooks.redelivery-delay-ms", defaultValue = "2000") long delayMs) {
    this((DeliveryOutcomes) webhooks, targets, maxRedeliveries, delayMs);
  }

  public WebhookRoutes(DeliveryOutcomes webhooks, WebhookTargets targets, int maxRedeliveries, long delayMs) {
    this.webhooks = webhooks;
    this.targets = targets;
    this.maxRedeliveries = maxRedeliveries;
    this.delayMs = delayMs;
  }

  @Override
  public void configure() {
    errorHandler(deadLetterChannel("direct:webhooks.dead")
        .maximumRedeliveries(maxRedeliveries)
        .redeliveryDelay(delayMs)
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .asyncDelayedRedelivery()
        .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
        .onRedelivery(e -> e.setProperty(ATTEMPTS, e.getProperty(ATTEMPTS, 1, Integer.class) + 1)));

    // a target that now resolves to an internal address is not tried again: it goes to the dead letters at once
    onException(RefusedTarget.class).maximumRedeliveries(0);

    from(QUEUE).routeId("webhooks.http.deliver")
        .process(this::prepare)
        .toD("${exchangeProperty.mu1000Url}?throwExceptionOnFailure=true&connectTimeout=5000"
            + "&responseTimeout=10000&followRedirects=false", 50)
        .process(e -> webhooks.delivered(e.getProperty(DELIVERY, WebhookDelivery.class)));

    from("direct:webhooks.dead").routeId("webhooks.http.dead-letter")
        .process(e -> {
          WebhookDelivery d = e.getProperty(DELIVERY, WebhookDelivery.class);
          if (d == null) {
            d = e.getMessage().getBody(WebhookDelivery.class);
          }
          Throwable cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
          int attempts = e.getProperty(ATTEMPTS, 1, Integer.class);
          String error = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
          webhooks.deadLetter(d, error.length() > 500 ? error.substring(0, 500) : error,
              attempts);
        });
  }

  private void prepare(Exchange e) {
    Object body = e.getMessage().getBody();
    WebhookDelivery d = body instanceof WebhookDelivery w ? w : e.getProperty(DELIVERY, WebhookDelivery.class);
    e.setProperty(DELIVERY, d);
    var refused = targets.refusal(d.url());
    if (refused.isPresent()) {
      throw new RefusedTarget("the target " + refused.get());
    }
    e.setProperty("mu1000Url", d.url());
    String ts = Long.toString(Instant.now().getEpochSecond());
    var m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    m.setHeader(Signatures.TIMESTAMP, ts);
    m.setHeader(Signatures.SIGNATURE, Signatures.sign(d.secret(), ts, d.payload()));
    m.setHeader(Signatures.EVENT, d.eventType());
    m.setHeader(Signatures.DELIVERY, d.eventId());
    m.setBody(d.payload());
  }

  /** Raised before sending when the target may not be reached; never retried. */
  static final class RefusedTarget extends RuntimeException {
    RefusedTarget(String message) {
      super(message);
    }
  }
}
