package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A balanced movement of money, written once under the key of the business event that caused it (a lot made payable,
 * a payout handed to a provider, ...), so booking the same event again books nothing. Amounts are in the tenant's
 * currency; each posting is also valued in USD at the rate of the entry's date, the last posting taking the
 * rounding so that the USD side balances too.
 */
public record JournalEntry(
    String id,
    LocalDate date,
    String cause,
    String causeId,
    String memo,
    String currency,
    BigDecimal fxRate,
    List<Posting> postings,
    List<String> accounts,
    Instant bookedAt,
    String bookedBy,
    long version) {

  public JournalEntry {
    postings = List.copyOf(postings);
    accounts = postings.stream().map(Posting::account).distinct().toList();
  }

  /**
   * An entry from signed amounts by account (zero amounts dropped); {@code fxRate} local units per USD, or null when
   * the tenant has no rate for the day (then USD values are left out).
   */
  public static JournalEntry of(String key, LocalDate date, String cause, String causeId, String memo, String currency,
      BigDecimal fxRate, Map<String, BigDecimal> amounts, String bookedBy, Instant now) {
    List<Map.Entry<String, BigDecimal>> lines = amounts.entrySet().stream().filter(e -> e.getValue().signum() != 0)
        .toList();
    BigDecimal sum = lines.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (lines.size() < 2 || sum.signum() != 0) {
      throw new IllegalArgumentException("entry " + key + " does not balance: " + amounts);
    }
    List<Posting> postings = new ArrayList<>();
    BigDecimal usdSoFar = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal amount = lines.get(i).getValue();
      BigDecimal usd = null;
      if (fxRate != null) {
        usd = i < lines.size() - 1 ? amount.divide(fxRate, 2, RoundingMode.HALF_EVEN) : usdSoFar.negate();
        usdSoFar = usdSoFar.add(usd);
      }
      postings.add(new Posting(lines.get(i).getKey(), amount, usd));
    }
    return new JournalEntry(key, date, cause, causeId, memo, currency, fxRate, postings, null, now, bookedBy, 0);
  }

  /** This entry's amount on one account (0 when it does not touch it). */
  public BigDecimal on(String account) {
    return postings.stream().filter(p -> p.account().equals(account)).map(Posting::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
