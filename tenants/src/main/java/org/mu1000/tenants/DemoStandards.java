package org.mu1000.tenants;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.GradingStandard.Grade;
import org.mu1000.platform.valuechain.domain.GradingStandard.Measure;
import org.mu1000.platform.valuechain.domain.GradingStandard.Op;
import org.mu1000.platform.valuechain.domain.GradingStandard.Price;
import org.mu1000.platform.valuechain.domain.GradingStandard.Rule;

/**
 * Demo grading standards: coffee cherry by ripeness, defects and moisture; fruit by size, sweetness and weight.
 * Reference prices are per kg in the tenant currency, scaled by {@code priceFactor} (1 = Rwandan francs).
 */
final class DemoStandards {
  private DemoStandards() {}

  static GradingStandard forCommodity(String commodity, BigDecimal priceFactor, LocalDate from) {
    if (commodity.contains("coffee")) {
      return new GradingStandard(null, 0, commodity, List.of(new Measure("ripe", "Ripe cherries", "%"),
          new Measure("defects", "Defects per 100 g", "count"), new Measure("moisture", "Moisture", "%")),
          List.of(grade("A", "Specialty (A)", "620", priceFactor, from, rule("ripe", Op.GE, "95"),
              rule("defects", Op.LE, "5"), rule("moisture", Op.LE, "12.5")),
              grade("B", "Premium (B)", "480", priceFactor, from, rule("ripe", Op.GE, "85"),
                  rule("defects", Op.LE, "15")),
              grade("C", "Standard (C)", "300", priceFactor, from, rule("ripe", Op.GE, "60"))),
          null, null);
    }
    if (commodity.contains("sesame") || commodity.contains("grain") || commodity.contains("bean")) {
      return new GradingStandard(null, 0, commodity, List.of(new Measure("purity", "Purity", "%"),
          new Measure("moisture", "Moisture", "%")),
          List.of(grade("G1", "Grade 1 (export)", "1100", priceFactor, from, rule("purity", Op.GE, "99"),
              rule("moisture", Op.LE, "7")),
              grade("G2", "Grade 2", "900", priceFactor, from, rule("purity", Op.GE, "97"), rule("moisture", Op.LE, "8")),
              grade("G3", "Grade 3 (local)", "650", priceFactor, from, rule("purity", Op.GE, "93"))),
          null, null);
    }
    return new GradingStandard(null, 0, commodity, List.of(new Measure("diameter", "Diameter", "mm"),
        new Measure("brix", "Sugar", "°Brix"), new Measure("weight", "Unit weight", "g")),
        List.of(grade("Extra", "Export extra", "900", priceFactor, from, rule("diameter", Op.GE, "60"),
            rule("brix", Op.GE, "14"), rule("weight", Op.GE, "70")),
            grade("I", "Class I", "650", priceFactor, from, rule("diameter", Op.GE, "50"),
                rule("brix", Op.GE, "12")),
            grade("II", "Class II (local market)", "400", priceFactor, from, rule("diameter", Op.GE, "40"))),
        null, null);
  }

  private static Grade grade(String code, String name, String price, BigDecimal factor, LocalDate from,
      Rule... rules) {
    return new Grade(code, name, List.of(rules), List.of(new Price(from, null,
        new BigDecimal(price).multiply(factor).setScale(2, java.math.RoundingMode.HALF_EVEN))));
  }

  private static Rule rule(String measure, Op op, String value) {
    return new Rule(measure, op, new BigDecimal(value));
  }
}
