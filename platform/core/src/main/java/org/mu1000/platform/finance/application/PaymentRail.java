package org.mu1000.platform.finance.application;

import java.util.List;
import java.util.Optional;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: a tenant's payment provider, reached through the integration routes. */
public interface PaymentRail {
  /** What the provider answered to a transfer. */
  enum Submission {
    /** It took the transfer (or had it already under the same reference); the final state comes later. */
    ACCEPTED,
    /** It refused the transfer for good (an invalid number, a limit): the payout failed. */
    REJECTED,
    /** No answer that says either (time-out, 5xx after retries, circuit open): ask for its status later. */
    UNKNOWN
  }

  record Answer(Submission submission, String reason) {}

  /** The provider's own view of a transfer. */
  record Status(State state, String transactionId, String reason) {
    public enum State { PAID, FAILED, PENDING, UNKNOWN_TO_PROVIDER }
  }

  /** One route's figures, for the tenant admin's provider health view. */
  record Health(String routeId, String family, String provider, long in, long out, long failed, String lastError,
      String breaker) {}

  Answer submit(Tenant t, Payout p);

  /** Whether the tenant's provider takes a batch's transfers together ({@link #submitAll}). */
  default boolean bulk(Tenant t) {
    return false;
  }

  /** Several payouts of one batch at once; the answer for each, by payout id. */
  default java.util.Map<String, Answer> submitAll(Tenant t, List<Payout> payouts) {
    java.util.Map<String, Answer> answers = new java.util.LinkedHashMap<>();
    payouts.forEach(p -> answers.put(p.id(), submit(t, p)));
    return answers;
  }

  /** A buyer asked to pay an amount from their mobile-money number; the outcome comes by callback. */
  record Collection(String id, java.math.BigDecimal amount, String currency, String msisdn, String message) {}

  Answer collect(Tenant t, Collection c);

  Optional<Status> status(Tenant t, Payout p);

  List<Health> health(Tenant t);
}
