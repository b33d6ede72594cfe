package org.mu1000.platform.webhooks.application;

import org.mu1000.platform.webhooks.domain.WebhookDelivery;

/** Port: where the delivery route reports what became of a delivery. */
public interface DeliveryOutcomes {
  void delivered(WebhookDelivery d);

  void deadLetter(WebhookDelivery d, String error, int attempts);
}
