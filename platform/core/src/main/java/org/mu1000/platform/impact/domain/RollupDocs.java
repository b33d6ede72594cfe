package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the rollup documents: what one contribution adds to which sums, a farmer's season on their enrolment,
 * bands and poverty-line crossings read back, and exact decimals in and out of the store.
 */
public final class RollupDocs {
  private RollupDocs() {}

  public static String enrolmentId(String farmerId) {
    return "farmer|" + farmerId;
  }

  /** The plot's, coop's and programme's share of a contribution (the farmer's is {@link #settle}'s). */
  public static List<RollupTable.Inc> sums(Contribution c, int sign) {
    String base = c.season() + "|" + c.programmeId() + "|";
    Map<String, Object> programmeSums = new LinkedHashMap<>(amounts(c, sign));
    programmeSums.put("months." + c.harvestDate().toString().substring(0, 7), signed(c.usd(), sign));
    return List.of(
        new RollupTable.Inc(base + "plot|" + c.plotId(), amounts(c, sign), head(c, "plot", c.plotId())),
        new RollupTable.Inc(base + "coop|" + c.cooperativeId(), amounts(c, sign),
            head(c, "coop", c.cooperativeId())),
        new RollupTable.Inc(base + "programme|" + c.programmeId(), programmeSums,
            head(c, "programme", c.programmeId())));
  }

  public static Map<String, Object> amounts(Contribution c, int sign) {
    Map<String, Object> sums = new LinkedHashMap<>();
    sums.put("usd", signed(c.usd(), sign));
    sums.put("local", signed(c.local(), sign));
    sums.put("kg", signed(c.kg(), sign));
    sums.put("lots", sign);
    return sums;
  }

  /**
   * The increment of a farmer's enrolment by contributions of one farmer, programme, season and harvest day: their
   * sums of the season and the household's payout of the day; the version moves once.
   */
  public static RollupTable.Inc farmerInc(List<Contribution> cs, int sign) {
    Contribution first = cs.get(0);
    String at = SEASONS + "." + seasonKey(first.season(), first.programmeId()) + ".";
    String paid = "paid." + first.harvestDate();
    Map<String, Object> inc = new LinkedHashMap<>();
    for (Contribution c : cs) {
      if (!c.farmerId().equals(first.farmerId()) || !c.programmeId().equals(first.programmeId())
          || !c.season().equals(first.season()) || !c.harvestDate().equals(first.harvestDate())) {
        throw new IllegalArgumentException("contributions of one farmer, programme, season and day only");
      }
      amounts(c, sign).forEach((k, x) -> inc.merge(at + k, x, RollupDocs::plus));
      inc.merge(paid, signed(c.local(), sign), RollupDocs::plus);
    }
    inc.put("v", 1L);
    return new RollupTable.Inc(enrolmentId(first.farmerId()), inc, Map.of());
  }

  public static Object plus(Object a, Object b) {
    return a instanceof BigDecimal x ? x.add((BigDecimal) b) : (Integer) a + (Integer) b;
  }

  /** Where a farmer's sums of one season and programme sit on their enrolment. */
  public static final String SEASONS = "seasons";

  public static String seasonKey(String season, String programmeId) {
    return season + "|" + programmeId;
  }

  public static Map<String, Object> head(Contribution c, String level, String key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("key", key);
    m.put("season", c.season());
    m.put("programmeId", c.programmeId());
    return m;
  }

  public static BigDecimal signed(BigDecimal v, int sign) {
    return sign > 0 ? v : v.negate();
  }

  /** A farmer's sums and flags of one season and programme, from their enrolment (empty if none yet). */
  public static Rollup seasonOf(Rollup enrol, String season) {
    Rollup seasons = enrol == null ? null : enrol.sub(SEASONS);
    Rollup d = seasons == null ? null : seasons.sub(season);
    return d == null ? new Rollup() : d;
  }

  public static List<Integer> bands(Rollup d) {
    List<Integer> out = new ArrayList<>();
    Rollup raw = d.sub("bands");
    for (int i = 0; i < Impact.BANDS; i++) {
      Object n = raw == null ? null : raw.get(String.valueOf(i));
      out.add(n == null ? 0 : ((Number) n).intValue());
    }
    return out;
  }

  public static boolean crossedNow(Rollup enrol, LocalDate today) {
    if (enrol == null || enrol.get("baselineIncome") == null || enrol.getInteger("householdSize", 0) <= 0
        || enrol.get("povertyLine") == null) {
      return false;
    }
    return Impact.crossed(num(enrol, "baselineIncome"), paidWithinYear(enrol, today),
        enrol.getInteger("householdSize"), num(enrol, "povertyLine"));
  }

  public static BigDecimal paidWithinYear(Rollup household, LocalDate today) {
    BigDecimal sum = BigDecimal.ZERO;
    if (household == null) {
      return sum;
    }
    // ISO days compare as strings (years of four digits): no date is parsed for each payout day
    String from = today.minusDays(365).toString();
    String to = today.toString();
    for (Map.Entry<String, Object> e : household.subOrEmpty("paid").entrySet()) {
      String day = e.getKey();
      if (day.compareTo(from) > 0 && day.compareTo(to) <= 0) {
        sum = sum.add((BigDecimal) e.getValue());
      }
    }
    return sum;
  }

  public static BigDecimal num(Rollup d, String key) {
    if (d == null || d.get(key) == null) {
      return BigDecimal.ZERO;
    }
    Object v = d.get(key);
    return v instanceof BigDecimal x ? x : new BigDecimal(v.toString());
  }

  /** An amount as rollups keep it: without trailing zeros, so equal amounts are stored alike. */
  public static BigDecimal dec(BigDecimal v) {
    return v == null ? null : v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }

  /** The texts listed under {@code key}, empty if none. */
  public static List<String> strings(Rollup r, String key) {
    List<String> out = new ArrayList<>();
    Object raw = r == null ? null : r.get(key);
    if (raw instanceof List<?> l) {
      l.forEach(o -> out.add(String.valueOf(o)));
    }
    return out;
  }
}
