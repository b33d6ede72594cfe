package org.mu1000.platform.valuechain.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.valuechain.domain.GradingStandard.Grade;
import org.mu1000.platform.valuechain.domain.GradingStandard.Measure;
import org.mu1000.platform.valuechain.domain.GradingStandard.Op;
import org.mu1000.platform.valuechain.domain.GradingStandard.Price;
import org.mu1000.platform.valuechain.domain.GradingStandard.Rule;

class GradingStandardTest {
  static final LocalDate JAN = LocalDate.of(2026, 1, 1);

  static GradingStandard coffee() {
    return new GradingStandard("p1", 1, "coffee-cherry",
        List.of(new Measure("ripe", "Ripe cherries", "%"), new Measure("defects", "Defects per 100 g", "count"),
            new Measure("moisture", "Moisture", "%")),
        List.of(
            new Grade("A", "Specialty", List.of(rule("ripe", Op.GE, "95"), rule("defects", Op.LE, "5"),
                rule("moisture", Op.LE, "12.5")), List.of(new Price(JAN, LocalDate.of(2026, 5, 31), dec("650")),
                new Price(LocalDate.of(2026, 6, 1), null, dec("700")))),
            new Grade("B", "Premium", List.of(rule("ripe", Op.GE, "85"), rule("defects", Op.LE, "15")),
                List.of(new Price(JAN, null, dec("480")))),
            new Grade("C", "Standard", List.of(rule("ripe", Op.GE, "60")), List.of(new Price(JAN, null,
                dec("300"))))),
        null, "test");
  }

  static Rule rule(String m, Op op, String v) {
    return new Rule(m, op, dec(v));
  }

  static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  static Map<String, BigDecimal> m(String ripe, String defects, String moisture) {
    return Map.of("ripe", dec(ripe), "defects", dec(defects), "moisture", dec(moisture));
  }

  @Test
  void firstGradeWhoseRulesAllHoldWins() {
    GradingStandard s = coffee();
    s.validate();
    assertEquals("A", s.grade(m("95", "5", "12.5")), "boundaries are inclusive for <= and >=");
    assertEquals("B", s.grade(m("95", "5", "12.6")), "too wet for A, every B rule holds");
    assertEquals("B", s.grade(m("99", "6", "10")));
    assertEquals("C", s.grade(m("84.9", "0", "10")));
    assertEquals(GradingStandard.REJECT, s.grade(m("59.99", "0", "10")), "meets no grade");
  }

  @Test
  void missingNegativeOrUnknownMeasurementsAreRefusedByField() {
    DomainException e = assertThrows(DomainException.class,
        () -> coffee().grade(Map.of("ripe", dec("90"), "defects", dec("-1"), "colour", dec("3"))));
    List<String> fields = e.violations().stream().map(v -> v.field()).toList();
    assertTrue(fields.contains("measurements.moisture"), fields.toString());
    assertTrue(fields.contains("measurements.defects"), fields.toString());
    assertTrue(fields.contains("measurements.colour"), fields.toString());
  }

  @Test
  void referencePriceIsTheOneValidOnTheDay() {
    GradingStandard s = coffee();
    assertEquals(dec("650"), s.referencePrice("A", LocalDate.of(2026, 5, 31)).orElseThrow());
    assertEquals(dec("700"), s.referencePrice("A", LocalDate.of(2026, 6, 1)).orElseThrow());
    assertTrue(s.referencePrice("A", LocalDate.of(2025, 12, 31)).isEmpty());
    assertTrue(s.referencePrice(GradingStandard.REJECT, JAN).isEmpty());
  }

  @Test
  void invalidStandardsNameEveryProblem() {
    GradingStandard bad = new GradingStandard("p1", 1, "coffee", List.of(new Measure("ripe", "r", "%")),
        List.of(new Grade("A", "a", List.of(rule("sugar", Op.GE, "1")), List.of(new Price(JAN, null, dec("1")),
                new Price(LocalDate.of(2026, 3, 1), null, dec("2")))),
            new Grade("A", "again", List.of(), List.of()), new Grade("reject", "r", List.of(), List.of())),
        null, "t");
    DomainException e = assertThrows(DomainException.class, bad::validate);
    List<String> fields = e.violations().stream().map(v -> v.field()).toList();
    assertTrue(fields.containsAll(List.of("grades[0].rules[0].measure", "grades[0].prices", "grades[1].code",
        "grades[2].code")), fields.toString());
  }
}
