package org.mu1000.platform.shared.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The numbers Mu1000 takes: below 10^15 in size, with at most 8 decimals. Every value the store keeps (Decimal128
 * holds 34 digits) and every sum of a country's lots stays exact within that; a larger or finer number is refused
 * before any work, with its field named and without its digits echoed.
 */
public final class Numbers {
  public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
  public static final int MAX_DECIMALS = 8;
  public static final String RULE = "must be a number below 10^15 in size with at most " + MAX_DECIMALS + " decimals";
  private static final int ECHO = 40;

  private Numbers() {}

  /** Why this value is refused, or empty when it is within the rule. */
  public static Optional<String> problem(BigDecimal v) {
    if (v == null) {
      return Optional.empty();
    }
    if (v.abs().compareTo(LIMIT) >= 0) {
      return Optional.of(RULE);
    }
    // scale after stripping zeros is cheap even for 1E-7000 (its unscaled value is 1)
    if (v.signum() != 0 && v.stripTrailingZeros().scale() > MAX_DECIMALS) {
      return Optional.of(RULE);
    }
    return Optional.empty();
  }

  public static void check(Violations v, String field, BigDecimal value) {
    problem(value).ifPresent(p -> v.add(field, p));
  }

  /** A value fit to quote in an error message: long ones are cut, with their length said. */
  public static String quote(String raw) {
    if (raw == null) {
      return "";
    }
    String flat = raw.replaceAll("\\p{Cntrl}", " ");
    return flat.length() <= ECHO ? flat : flat.substring(0, ECHO) + "… (" + flat.length() + " characters)";
  }
}
