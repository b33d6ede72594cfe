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
    long version) {

  public static final BigDecimal DEFAULT_TARGET = new BigDecimal("1000");

  public Programme {
    targetUsdPerMu = targetUsdPerMu == null ? DEFAULT_TARGET : targetUsdPerMu;
    cooperativeFeePercent = cooperativeFeePercent == null ? BigDecimal.ZERO : cooperativeFeePercent;
  }

  public Programme(String id, String name, String commodity, LocalDate seasonStart, LocalDate seasonEnd,
      BigDecimal targetUsdPerMu, BigDecimal baselineUsdPerMu, long version) {
    this(id, name, commodity, seasonStart, seasonEnd, targetUsdPerMu, baselineUsdPerMu, null, version);
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
    v.throwIfAny();
  }
}
