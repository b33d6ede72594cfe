package org.mu1000.platform.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** A value-chain programme: one commodity, a season, and the output value per mu it aims for (1000 USD by default). */
public record Programme(
    String id,
    String name,
    String commodity,
    LocalDate seasonStart,
    LocalDate seasonEnd,
    BigDecimal targetUsdPerMu,
    BigDecimal baselineUsdPerMu,
    BigDecimal cooperativeFeePercent,
    LoanTerms loans,
    long version) {

  public static final BigDecimal DEFAULT_TARGET = new BigDecimal("1000");

  public Programme {
    targetUsdPerMu = targetUsdPerMu == null ? DEFAULT_TARGET : targetUsdPerMu;
    cooperativeFeePercent = cooperativeFeePercent == null ? BigDecimal.ZERO : cooperativeFeePercent;
  }

  public Programme(String id, String name, String commodity, LocalDate seasonStart, LocalDate seasonEnd,
      BigDecimal targetUsdPerMu, BigDecimal baselineUsdPerMu, long version) {
    this(id, name, commodity, seasonStart, seasonEnd, targetUsdPerMu, baselineUsdPerMu, null, null, version);
  }

  public Programme(String id, String name, String commodity, LocalDate seasonStart, LocalDate seasonEnd,
      BigDecimal targetUsdPerMu, BigDecimal baselineUsdPerMu, BigDecimal cooperativeFeePercent, long version) {
    this(id, name, commodity, seasonStart, seasonEnd, targetUsdPerMu, baselineUsdPerMu, cooperativeFeePercent, null,
        version);
  }

  /**
   * How the programme finances inputs against confirmed orders: a farmer may borrow up to {@code sharePercent} of
   * the expected value of their quota, at {@code annualRatePercent}, interest {@code flat} (on the amount borrowed for
   * the whole term) or {@code declining} (on what is still owed each month), over at most {@code maxTermMonths}.
   * No terms: the programme gives no input loans.
   */
  public record LoanTerms(BigDecimal sharePercent, BigDecimal annualRatePercent, String interest,
      Integer maxTermMonths) {
    public static final String FLAT = "flat";
    public static final String DECLINING = "declining";

    public int maxTerm() {
      return maxTermMonths == null ? 12 : maxTermMonths;
    }
  }

  public void validate() {
    Violations v = new Violations();
    v.require(name != null && !name.isBlank(), "name", "is required");
    v.require(commodity != null && !commodity.isBlank(), "commodity", "is required");
    Texts.check(v, "name", name);
    Texts.check(v, "commodity", commodity);
    v.require(seasonStart == null || seasonEnd == null || !seasonEnd.isBefore(seasonStart), "seasonEnd",
        "must not be before seasonStart");
    v.require(targetUsdPerMu.signum() > 0, "targetUsdPerMu", "must be positive");
    v.require(baselineUsdPerMu == null || baselineUsdPerMu.signum() >= 0, "baselineUsdPerMu", "must be zero or more");
    v.require(cooperativeFeePercent.signum() >= 0 && cooperativeFeePercent.compareTo(new BigDecimal("50")) <= 0
        && cooperativeFeePercent.scale() <= 2, "cooperativeFeePercent", "must be from 0 to 50, at most 2 decimals");
    if (loans != null) {
      BigDecimal share = loans.sharePercent();
      v.require(share != null && share.signum() > 0 && share.compareTo(new BigDecimal("100")) <= 0
          && share.scale() <= 2, "loans.sharePercent", "must be more than 0 and at most 100, at most 2 decimals");
      BigDecimal rate = loans.annualRatePercent();
      v.require(rate != null && rate.signum() >= 0 && rate.compareTo(new BigDecimal("100")) <= 0 && rate.scale() <= 2,
          "loans.annualRatePercent", "must be from 0 to 100, at most 2 decimals");
      v.require(LoanTerms.FLAT.equals(loans.interest()) || LoanTerms.DECLINING.equals(loans.interest()),
          "loans.interest", "must be flat or declining");
      v.require(loans.maxTermMonths() == null || (loans.maxTermMonths() >= 1 && loans.maxTermMonths() <= 36),
          "loans.maxTermMonths", "must be from 1 to 36");
    }
    v.throwIfAny();
  }
}
