package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The ledger held against the provider: each payout's state here and at the provider, and the clearing account
 * against the payouts still in flight. Every difference is listed for a person to look at. {@code atMillis} orders
 * reports in time (instants are stored as ISO strings, which do not sort within a second).
 */
public record Reconciliation(
    String id,
    String batchId,
    Instant at,
    long atMillis,
    String by,
    int checked,
    List<Difference> differences,
    BigDecimal clearing,
    BigDecimal inFlight,
    long version) {

  /** One payout (or the clearing account, with no payout) on which the two sides disagree. */
  public record Difference(String payoutId, String farmerId, String kind, String ours, String provider,
      String detail) {}

  public Reconciliation {
    differences = List.copyOf(differences);
  }
}
