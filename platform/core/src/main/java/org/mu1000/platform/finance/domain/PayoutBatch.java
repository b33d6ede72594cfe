package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

/**
 * What a cooperative pays its farmers at one go: prepared by one person, approved by another (four eyes), then sent,
 * one provider transfer per farmer.
 */
public record PayoutBatch(
    String id,
    String cooperativeId,
    String provider,
    String currency,
    Status status,
    int count,
    BigDecimal total,
    String preparedBy,
    String preparedByName,
    Instant preparedAt,
    String approvedBy,
    String approvedByName,
    Instant approvedAt,
    String sentByName,
    Instant sentAt,
    long version) {

  public enum Status {
    PREPARED, APPROVED, SENDING, CANCELLED;

    public String code() {
      return name().toLowerCase();
    }
  }

  /** Approved by someone other than the person who prepared it. */
  public PayoutBatch approved(Caller c, Instant now) {
    if (status != Status.PREPARED) {
      throw new DomainException(Kind.CONFLICT, "payout batch " + id + " is " + status.code() + ", not prepared");
    }
    if (c.subject().equals(preparedBy)) {
      throw DomainException.forbidden("four eyes: the person who prepared payout batch " + id
          + " cannot approve it; another manager must");
    }
    return new PayoutBatch(id, cooperativeId, provider, currency, Status.APPROVED, count, total, preparedBy,
        preparedByName, preparedAt, c.subject(), c.username(), now, sentByName, sentAt, version);
  }

  public PayoutBatch sending(Caller c, Instant now) {
    if (status != Status.APPROVED) {
      throw new DomainException(Kind.CONFLICT, "payout batch " + id + " is " + status.code()
          + "; only an approved batch is sent, and only once");
    }
    return new PayoutBatch(id, cooperativeId, provider, currency, Status.SENDING, count, total, preparedBy,
        preparedByName, preparedAt, approvedBy, approvedByName, approvedAt, c.username(), now, version);
  }

  public PayoutBatch cancelled() {
    if (status != Status.PREPARED && status != Status.APPROVED) {
      throw new DomainException(Kind.CONFLICT, "payout batch " + id + " is " + status.code()
          + "; a batch that was sent cannot be cancelled");
    }
    return new PayoutBatch(id, cooperativeId, provider, currency, Status.CANCELLED, count, total, preparedBy,
        preparedByName, preparedAt, approvedBy, approvedByName, approvedAt, sentByName, sentAt, version);
  }

  public PayoutBatch plus(BigDecimal amount) {
    return new PayoutBatch(id, cooperativeId, provider, currency, status, count + 1, total.add(amount), preparedBy,
        preparedByName, preparedAt, approvedBy, approvedByName, approvedAt, sentByName, sentAt, version);
  }
}
