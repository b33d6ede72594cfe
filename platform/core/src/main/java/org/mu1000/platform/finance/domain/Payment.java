package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A buyer's payment for a shipment, and what it made payable to the farmers whose lots were in it: the lots' value
 * less the cooperative's fee.
 */
public record Payment(
    String id,
    String shipmentId,
    String orderId,
    BigDecimal amount,
    String currency,
    String reference,
    LocalDate paidOn,
    String recordedBy,
    int lots,
    int farmers,
    BigDecimal payable,
    BigDecimal fees,
    Instant createdAt,
    long version) {}
