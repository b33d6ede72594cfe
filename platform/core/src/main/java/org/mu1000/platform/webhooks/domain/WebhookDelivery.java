package org.mu1000.platform.webhooks.domain;

/** One event to one subscriber: what the delivery route posts and signs. Fired as a CDI event to be sent. */
public record WebhookDelivery(String tenant, String subscriptionId, String url, String secret, String eventType,
    String eventId, String payload, String replayOf) {}
