package org.mu1000.platform.impact.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.mu1000.platform.impact.domain.Impact;

/**
 * The shape of the rollup documents: what one contribution adds to which sums, a farmer's season on their enrolment,
 * bands and poverty-line crossings read back, and exact decimals in and out of the store.
 */
final class RollupDocs {
  private RollupDocs() {}

  static String enrolmentId(String farmerId) {
    return "farmer|" + farmerId;
  }

  /** The plot's, coop's and programme's share of a contribution (the farmer's is {@link #settle}'s). */
  static List<RollupTable.Inc> sums(ImpactService.Contribution c, int sign) {
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

  static Map<String, Object> amounts(ImpactService.Contribution c, int sign) {
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
  static RollupTable.Inc farmerInc(List<ImpactService.Contribution> cs, int sign) {
    ImpactService.Contribution first = cs.get(0);
    String at = SEASONS + "." + seasonKey(first.season(), first.programmeId()) + ".";
    String paid = "paid." + first.harvestDate();
    Map<String, Object> inc = new LinkedHashMap<>();
    for (ImpactService.Contribution c : cs) {
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

  static Object plus(Object a, Object b) {
    return a instanceof BigDecimal x ? x.add((BigDecimal) b) : (Integer) a + (Integer) b;
  }

  /** Where a farmer's sums of one season and programme sit on their enrolment. */
  static final String SEASONS = "seasons";

  static String seasonKey(String season, String programmeId) {
    return season + "|" + programmeId;
  }

  static Map<String, Object> head(ImpactService.Contribution c, String level, String key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("key", key);
    m.put("season", c.season());
    m.put("programmeId", c.programmeId());
    return m;
  }

  static BigDecimal signed(BigDecimal v, int sign) {
    return sign > 0 ? v : v.negate();
  }

  /** A farmer's sums and flags of one season and programme, from their enrolment (empty if none yet). */
  static Document seasonOf(Document enrol, String season) {
    Document seasons = enrol == null ? null : enrol.get(SEASONS, Document.class);
    Document d = seasons == null ? null : seasons.get(season, Document.class);
    return d == null ? new Document() : d;
  }

  static List<Integer> bands(Document d) {
    List<Integer> out = new ArrayList<>();
    Document raw = d.get("bands", Document.class);
    for (int i = 0; i < ImpactService.BANDS; i++) {
      Object n = raw == null ? null : raw.get(String.valueOf(i));
      out.add(n == null ? 0 : ((Number) n).intValue());
    }
    return out;
  }

  static boolean crossedNow(Document enrol, LocalDate today) {
    if (enrol == null || enrol.get("baselineIncome") == null || enrol.getInteger("householdSize", 0) <= 0
        || enrol.get("povertyLine") == null) {
      return false;
    }
    return Impact.crossed(num(enrol, "baselineIncome"), paidWithinYear(enrol, today),
        enrol.getInteger("householdSize"), num(enrol, "povertyLine"));
  }

  static BigDecimal paidWithinYear(Document household, LocalDate today) {
    BigDecimal sum = BigDecimal.ZERO;
    if (household == null) {
      return sum;
    }
    // ISO days compare as strings (years of four digits): no date is parsed for each payout day
    String from = today.minusDays(365).toString();
    String to = today.toString();
    for (Map.Entry<String, Object> e : household.get("paid", new Document()).entrySet()) {
      String day = e.getKey();
      if (day.compareTo(from) > 0 && day.compareTo(to) <= 0) {
        sum = sum.add(((Decimal128) e.getValue()).bigDecimalValue());
      }
    }
    return sum;
  }

  static BigDecimal num(Document d, String key) {
    if (d == null || d.get(key) == null) {
      return BigDecimal.ZERO;
    }
    Object v = d.get(key);
    return v instanceof Decimal128 x ? x.bigDecimalValue() : new BigDecimal(v.toString());
  }

  static Decimal128 dec(BigDecimal v) {
    return v == null ? null : new Decimal128(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
  }
}
