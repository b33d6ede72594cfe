package org.mu1000.platform.impact.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.kernel.FxRate;

/** Hand-computed cases, to the cent. */
class ImpactTest {
  static final List<FxRate> RATES = List.of(new FxRate(LocalDate.of(2026, 1, 1), dec("1300")),
      new FxRate(LocalDate.of(2026, 6, 1), dec("1400")));

  static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  @Test
  void lotValueUsesTheRateOfTheHarvestDate() {
    // 500 kg × 650 RWF = 325 000 RWF; harvested 31 May at 1300 RWF/USD = 250 USD
    Impact.Valuation may = Impact.value(dec("500"), dec("650"), RATES, LocalDate.of(2026, 5, 31));
    assertEquals(dec("325000"), may.local());
    assertEquals(dec("250.00"), Impact.cents(may.usd()));
    // the same lot one day later is valued at the new rate: 325 000 / 1400 = 232.142857… → 232.14
    assertEquals(dec("232.14"), Impact.cents(Impact.value(dec("500"), dec("650"), RATES,
        LocalDate.of(2026, 6, 1)).usd()));
    // 1000 kg × 333 = 333 000 / 1300 = 256.153846153846… kept to 10 decimals, shown as 256.15
    assertEquals(dec("256.1538461538"), Impact.value(dec("1000"), dec("333"), RATES, LocalDate.of(2026, 2, 1)).usd());
    assertThrows(IllegalStateException.class,
        () -> Impact.value(dec("1"), dec("1"), RATES, LocalDate.of(2025, 12, 31)));
  }

  @Test
  void usdPerMuOfPlotsAndFarmersWithAPlotWithoutLots() {
    // plot A 2000 m² with 250 USD; plot B 1333.3334 m² (2 mu) with 210 000 RWF on 15 June = 150 USD; plot C 1000 m²
    BigDecimal a = Impact.value(dec("500"), dec("650"), RATES, LocalDate.of(2026, 5, 10)).usd();
    BigDecimal b = Impact.value(dec("300"), dec("700"), RATES, LocalDate.of(2026, 6, 15)).usd();
    assertEquals(dec("83.33"), Impact.cents(Impact.usdPerMu(a, dec("2000"))), "250 × 666.6667 / 2000 = 83.3333375");
    assertEquals(dec("75.00"), Impact.cents(Impact.usdPerMu(b, dec("1333.3334"))));
    // the farmer: (250 + 150) ÷ (4333.3334 m² ÷ 666.6667) = 61.5384636…, plot C counts with zero value
    assertEquals(dec("61.54"), Impact.cents(Impact.usdPerMu(a.add(b), dec("4333.3334"))));
    assertNull(Impact.usdPerMu(a, BigDecimal.ZERO), "no area, no figure (not a division by zero)");
  }

  @Test
  void povertyLineIsCrossedFromBelowOnly() {
    // 5 people, baseline 1 500 000 a year = 821.92 per person per day; line 1000
    assertEquals(dec("821.92"), Impact.cents(Impact.perPersonDaily(dec("1500000"), 5)));
    // needs 1000 × 5 × 365 = 1 825 000: 325 000 more is exactly at the line
    assertTrue(Impact.crossed(dec("1500000"), dec("325000"), 5, dec("1000")));
    assertFalse(Impact.crossed(dec("1500000"), dec("324999.99"), 5, dec("1000")));
    assertFalse(Impact.crossed(dec("1825000"), dec("1000"), 5, dec("1000")), "was not below the line");
  }

  @Test
  void bandsAreSharesOfTheTarget() {
    BigDecimal t = dec("1000");
    assertEquals(0, Impact.band(null, t));
    assertEquals(0, Impact.band(dec("249.99"), t));
    assertEquals(1, Impact.band(dec("250"), t));
    assertEquals(4, Impact.band(dec("1000"), t));
    assertEquals(5, Impact.band(dec("1500"), t));
    assertEquals(List.of("0–250", "250–500", "500–750", "750–1000", "1000–1500", "≥ 1500"), Impact.bandLabels(t));
  }
}
