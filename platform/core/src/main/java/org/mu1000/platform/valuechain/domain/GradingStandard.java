package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mu1000.platform.shared.domain.Violations;

/**
 * How a programme sorts its produce into quality classes. Grades are checked in order; the first whose rules all hold
 * wins; a lot that meets none is {@value #REJECT}. A standard is never changed in place: each change is a new version,
 * and a lot keeps the version it was graded with.
 */
public record GradingStandard(
    String programmeId,
    int version,
    String commodity,
    List<Measure> measures,
    List<Grade> grades,
    Instant createdAt,
    String createdBy) {

  public static final String REJECT = "reject";

  public GradingStandard {
    measures = measures == null ? List.of() : List.copyOf(measures);
    grades = grades == null ? List.of() : List.copyOf(grades);
  }

  /** A measurement taken at intake, e.g. {@code moisture} in %. */
  public record Measure(String key, String label, String unit) {}

  /** One quality class: its rules and its reference prices per kg in the tenant currency. */
  public record Grade(String code, String name, List<Rule> rules, List<Price> prices) {
    public Grade {
      rules = rules == null ? List.of() : List.copyOf(rules);
      prices = prices == null ? List.of() : List.copyOf(prices);
    }

    boolean holds(Map<String, BigDecimal> m) {
      return rules.stream().allMatch(r -> r.holds(m.get(r.measure())));
    }
  }

  /** {@code measure op value}, e.g. {@code moisture <= 12.5}. */
  public record Rule(String measure, Op op, BigDecimal value) {
    boolean holds(BigDecimal x) {
      int c = x.compareTo(value);
      return switch (op) {
        case LT -> c < 0;
        case LE -> c <= 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        case EQ -> c == 0;
      };
    }
  }

  public enum Op {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public static Op of(String s) {
      for (Op o : values()) {
        if (o.symbol.equals(s) || o.name().equalsIgnoreCase(s)) {
          return o;
        }
      }
      return null;
    }
  }

  /** A reference price valid from {@code validFrom} to {@code validTo} inclusive (open-ended when null). */
  public record Price(LocalDate validFrom, LocalDate validTo, BigDecimal perKg) {
    boolean covers(LocalDate d) {
      return !d.isBefore(validFrom) && (validTo == null || !d.isAfter(validTo));
    }
  }

  /** The grade of a lot with these measurements. Every declared measure must be present and not negative. */
  public String grade(Map<String, BigDecimal> measurements) {
    Violations v = new Violations();
    for (Measure m : measures) {
      BigDecimal x = measurements == null ? null : measurements.get(m.key());
      v.require(x != null, "measurements." + m.key(), "is required by grading standard v" + version);
      v.require(x == null || x.signum() >= 0, "measurements." + m.key(), "must not be negative");
    }
    if (measurements != null) {
      Set<String> known = new HashSet<>();
      measures.forEach(m -> known.add(m.key()));
      measurements.keySet().stream().filter(k -> !known.contains(k)).sorted()
          .forEach(k -> v.add("measurements." + k, "is not a measure of this standard " + known));
    }
    v.throwIfAny();
    return grades.stream().filter(g -> g.holds(measurements)).map(Grade::code).findFirst().orElse(REJECT);
  }

  /** The reference price per kg of a grade on a day; empty for reject or when no price covers that day. */
  public Optional<BigDecimal> referencePrice(String grade, LocalDate day) {
    return grades.stream().filter(g -> g.code().equals(grade)).flatMap(g -> g.prices().stream())
        .filter(p -> p.covers(day)).map(Price::perKg).findFirst();
  }

  public boolean hasGrade(String code) {
    return REJECT.equals(code) || grades.stream().anyMatch(g -> g.code().equals(code));
  }

  /** Everything a schema cannot check: unique keys and codes, rules over declared measures, prices that don't overlap. */
  public void validate() {
    Violations v = new Violations();
    v.require(commodity != null && !commodity.isBlank(), "commodity", "is required");
    v.require(!measures.isEmpty(), "measures", "needs at least one measure");
    v.require(!grades.isEmpty(), "grades", "needs at least one grade");
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < measures.size(); i++) {
      Measure m = measures.get(i);
      v.require(m.key() != null && m.key().matches("[a-zA-Z][a-zA-Z0-9_]{0,39}"), "measures[" + i + "].key",
          "must be a letter then letters, digits or _ (max 40)");
      v.require(m.key() == null || keys.add(m.key()), "measures[" + i + "].key", "appears twice");
    }
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < grades.size(); i++) {
      Grade g = grades.get(i);
      String at = "grades[" + i + "]";
      v.require(g.code() != null && g.code().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,19}"), at + ".code",
          "must be 1-20 letters, digits, _ or -");
      v.require(!REJECT.equals(g.code()), at + ".code", "'reject' is reserved for lots that meet no grade");
      v.require(g.code() == null || codes.add(g.code()), at + ".code", "appears twice");
      for (int j = 0; j < g.rules().size(); j++) {
        Rule r = g.rules().get(j);
        String rat = at + ".rules[" + j + "]";
        v.require(keys.contains(r.measure()), rat + ".measure", "is not one of the measures " + keys);
        v.require(r.op() != null, rat + ".op", "must be one of <, <=, >, >=, =");
        v.require(r.value() != null, rat + ".value", "is required");
      }
      List<Price> ps = g.prices().stream()
          .sorted(java.util.Comparator.comparing(Price::validFrom, java.util.Comparator.nullsFirst(
              java.util.Comparator.naturalOrder()))).toList();
      for (int j = 0; j < g.prices().size(); j++) {
        Price p = g.prices().get(j);
        String pat = at + ".prices[" + j + "]";
        v.require(p.validFrom() != null, pat + ".validFrom", "is required");
        v.require(p.perKg() != null && p.perKg().signum() > 0, pat + ".perKg", "must be positive");
        v.require(p.validTo() == null || p.validFrom() == null || !p.validTo().isBefore(p.validFrom()),
            pat + ".validTo", "must not be before validFrom");
      }
      for (int j = 1; j < ps.size(); j++) {
        Price prev = ps.get(j - 1);
        Price cur = ps.get(j);
        v.require(prev.validFrom() == null || cur.validFrom() == null
            || (prev.validTo() != null && prev.validTo().isBefore(cur.validFrom())), at + ".prices",
            "periods overlap (" + prev.validFrom() + " and " + cur.validFrom() + "): one price per day");
      }
    }
    v.throwIfAny();
  }
}
