/**
 * Webhook subscriptions of a tenant and the dead letters of deliveries that failed after the last retry. Delivery
 * itself is a Camel route in the integrations module; it reaches this context only through {@link
 * org.mu1000.platform.webhooks.application.WebhookService} and the {@link org.mu1000.platform.webhooks.domain.WebhookDelivery} events.
 */
package org.mu1000.platform.webhooks;
