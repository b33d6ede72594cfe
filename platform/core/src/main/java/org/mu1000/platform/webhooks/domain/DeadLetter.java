package org.mu1000.platform.webhooks.domain;

import java.time.Instant;

/** A delivery that failed after its last retry, kept to replay. */
public record DeadLetter(String id, String subscriptionId, String url, String eventType, String eventId,
    String payload, String error, int attempts, Instant failedAt, Instant replayedAt) {}
