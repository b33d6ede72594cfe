package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A buyer asked to pay for a shipment from their mobile money (the provider's request to pay): requested, then sent
 * to the provider, then paid (the payment is recorded as if entered by hand, under the provider's transaction id) or
 * failed. Its id is the provider's reference.
 */
public record PaymentRequest(
    String id,
    String shipmentId,
    BigDecimal amount,
    String currency,
    String payerMsisdn,
    Status status,
    String reason,
    String providerTransactionId,
    String paymentId,
    String requestedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public enum Status {
    REQUESTED, SENT, PAID, FAILED;

    public String code() {
      return name().toLowerCase();
    }
  }

  public PaymentRequest with(Status next, String reason, String transactionId, String paymentId, Instant now) {
    return new PaymentRequest(id, shipmentId, amount, currency, payerMsisdn, next, reason, transactionId, paymentId,
        requestedBy, createdAt, now, version);
  }
}
