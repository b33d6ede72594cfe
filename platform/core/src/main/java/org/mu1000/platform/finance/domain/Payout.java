package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One farmer's payment in a batch: one provider transfer whose reference is this payout's id, so that sending it
 * again can never pay twice. Its final state (paid or failed) comes only from the provider.
 */
public record Payout(
    String id,
    String batchId,
    String farmerId,
    String cooperativeId,
    String msisdn,
    BigDecimal amount,
    String currency,
    String provider,
    Status status,
    int attempt,
    String retryOf,
    String providerTransactionId,
    String reason,
    String message,
    Instant handedAt,
    Instant finalAt,
    String smsMessageId,
    Instant smsSentAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * pending (not yet sent) → submitting (booked and being handed to the provider) → sent (the provider accepted it)
   * → paid | failed. A payout whose batch is cancelled is cancelled.
   */
  public enum Status {
    PENDING, SUBMITTING, SENT, PAID, FAILED, CANCELLED;

    public String code() {
      return name().toLowerCase();
    }

    public boolean isFinal() {
      return this == PAID || this == FAILED || this == CANCELLED;
    }
  }

  public Payout with(Status next, String transactionId, String why, Instant handed, Instant now) {
    return new Payout(id, batchId, farmerId, cooperativeId, msisdn, amount, currency, provider, next, attempt, retryOf,
        transactionId == null ? providerTransactionId : transactionId, why == null ? reason : why, message,
        handed == null ? handedAt : handed, next.isFinal() ? now : finalAt, smsMessageId, smsSentAt, createdAt, now,
        version);
  }

  /** A new attempt at a failed payout, under a reference of its own. */
  public Payout retried(String newId, Instant now) {
    return new Payout(newId, batchId, farmerId, cooperativeId, msisdn, amount, currency, provider, Status.PENDING,
        attempt + 1, id, null, null, message, null, null, null, null, now, now, 0);
  }

  /** The farmer's SMS about this payment went out. */
  public Payout texted(String messageId, Instant now) {
    return new Payout(id, batchId, farmerId, cooperativeId, msisdn, amount, currency, provider, status, attempt, retryOf,
        providerTransactionId, reason, message, handedAt, finalAt, messageId, now, createdAt, now, version);
  }
}
