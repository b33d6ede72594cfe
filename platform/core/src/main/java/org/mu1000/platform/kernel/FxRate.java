package org.mu1000.platform.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Local currency units per US dollar, valid from a date until the next rate. */
public record FxRate(LocalDate date, BigDecimal rate) {
  /** The latest rate dated on or before the day. */
  public static Optional<BigDecimal> on(List<FxRate> rates, LocalDate day) {
    BigDecimal best = null;
    LocalDate bestDate = null;
    for (FxRate r : rates) {
      if (!r.date().isAfter(day) && (bestDate == null || r.date().isAfter(bestDate))) {
        best = r.rate();
        bestDate = r.date();
      }
    }
    return Optional.ofNullable(best);
  }
}
