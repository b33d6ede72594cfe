package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.kernel.FxRate;
import org.mu1000.platform.kernel.Mu;

/**
 * The arithmetic the programme is judged by, in one place. Sums are exact; a division keeps {@value #SCALE} decimals
 * (half-even) and only display rounds to cents.
 */
public final class Impact {
  public static final int SCALE = 10;
  public static final BigDecimal DAYS = new BigDecimal("365");

  private Impact() {}

  /** A lot's value in local currency and in USD at the rate valid on the harvest date. */
  public record Valuation(BigDecimal local, BigDecimal usd, BigDecimal fxRate) {}

  public static Valuation value(BigDecimal kg, BigDecimal pricePerKg, List<FxRate> rates, LocalDate harvestDate) {
    BigDecimal local = kg.multiply(pricePerKg);
    BigDecimal rate = rateOn(rates, harvestDate).orElseThrow(() -> new IllegalStateException(
        "the tenant has no FX rate dated on or before " + harvestDate));
    return new Valuation(local, local.divide(rate, SCALE, RoundingMode.HALF_EVEN), rate);
  }

  /** The latest rate dated on or before the day. */
  public static Optional<BigDecimal> rateOn(List<FxRate> rates, LocalDate day) {
    return FxRate.on(rates, day);
  }

  /** Σ USD ÷ (Σ m² ÷ 666.6667), computed as Σ USD × 666.6667 ÷ Σ m² so that only one division rounds. */
  public static BigDecimal usdPerMu(BigDecimal usd, BigDecimal areaM2) {
    if (areaM2 == null || areaM2.signum() == 0) {
      return null;
    }
    return usd.multiply(Mu.M2_PER_MU).divide(areaM2, SCALE, RoundingMode.HALF_EVEN);
  }

  public static BigDecimal mu(BigDecimal areaM2) {
    return areaM2.divide(Mu.M2_PER_MU, SCALE, RoundingMode.HALF_EVEN);
  }

  public static BigDecimal cents(BigDecimal v) {
    return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Income per person per day: annual ÷ household size ÷ 365. */
  public static BigDecimal perPersonDaily(BigDecimal annual, int householdSize) {
    return annual.divide(BigDecimal.valueOf(householdSize).multiply(DAYS), SCALE, RoundingMode.HALF_EVEN);
  }

  /** Below the line at baseline and at or above it now. */
  public static boolean crossed(BigDecimal baselineAnnual, BigDecimal paidLast365, int size, BigDecimal line) {
    BigDecimal before = perPersonDaily(baselineAnnual, size);
    BigDecimal now = perPersonDaily(baselineAnnual.add(paidLast365), size);
    return before.compareTo(line) < 0 && now.compareTo(line) >= 0;
  }

  /** The USD/mu bands of the dashboard, as shares of the programme's target. */
  public static final List<BigDecimal> BAND_SHARES = List.of(new BigDecimal("0.25"), new BigDecimal("0.5"),
      new BigDecimal("0.75"), BigDecimal.ONE, new BigDecimal("1.5"));

  /** How many bands a farmer can be in: below the first share, between two, above the last. */
  public static final int BANDS = BAND_SHARES.size() + 1;

  /** Band index 0..5: below 25% of the target, 25–50%, 50–75%, 75–100%, 100–150%, 150% and more. */
  public static int band(BigDecimal usdPerMu, BigDecimal target) {
    if (usdPerMu == null) {
      return 0;
    }
    int i = 0;
    while (i < BAND_SHARES.size() && usdPerMu.compareTo(target.multiply(BAND_SHARES.get(i))) >= 0) {
      i++;
    }
    return i;
  }

  public static List<String> bandLabels(BigDecimal target) {
    List<String> out = new java.util.ArrayList<>();
    BigDecimal lo = BigDecimal.ZERO;
    for (BigDecimal s : BAND_SHARES) {
      BigDecimal hi = target.multiply(s).stripTrailingZeros();
      out.add(lo.toPlainString() + "–" + hi.toPlainString());
      lo = hi;
    }
    out.add("≥ " + lo.toPlainString());
    return out;
  }
}
