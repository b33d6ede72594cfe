package org.mu1000.platform.valuechain.domain;

import java.time.Instant;
import java.util.List;

/** Lots of one order packed under one SSCC and sent to the buyer, until the buyer confirms they arrived. */
public record Shipment(String id, String orderId, String sscc, List<String> lotIds, String destination,
    String status, Instant shippedAt, Instant deliveredAt, String receivedBy, long version) {}
