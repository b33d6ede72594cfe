package org.mu1000.platform.registry.domain;

import org.mu1000.platform.kernel.Money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violation;

class FarmerTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  static Farmer farmer(String msisdn, Integer birthYear, Money income, Boolean consent, LocalDate consentDate) {
    return new Farmer("f1", null, "Aline", "Uwase", Sex.FEMALE, birthYear, 4, msisdn, null, null, "c1", List.of(),
        income, consent, consentDate, null, null, 0);
  }

  @Test
  void aCompleteFarmerIsValid() {
    farmer("+250788123456", 1980, new Money(new BigDecimal("250000"), "RWF"), true, TODAY).validate("RWF", TODAY);
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    var e = assertThrows(DomainException.class, () -> farmer("0788123456", 2024,
        new Money(new BigDecimal("-1"), "USD"), true, null).validate("RWF", TODAY));
    assertEquals(List.of("msisdn", "birthYear", "baselineAnnualIncome.amount", "baselineAnnualIncome.currency",
        "consent.date"), e.violations().stream().map(Violation::field).toList());
  }

  @Test
  void consentCannotBeDatedInTheFuture() {
    var e = assertThrows(DomainException.class,
        () -> farmer(null, null, null, true, TODAY.plusDays(1)).validate("RWF", TODAY));
    assertEquals("consent.date", e.violations().get(0).field());
  }

  @Test
  void nationalIdsAreHashedPerTenantAndOnlyTheLastFourAreKept() {
    var rw = new NationalIdHasher("pepper", "rwanda");
    assertEquals(rw.hash("1 1980 8 0012345 0 12"), rw.hash("1198080012345012"));
    assertNotEquals(rw.hash("1198080012345012"), new NationalIdHasher("pepper", "ethiopia").hash("1198080012345012"));
    assertEquals("5012", NationalIdHasher.last4("1 1980 8 0012345 0 12"));
    assertEquals("0012", NationalIdHasher.last4("ab-0012"));
    assertEquals("AB12", NationalIdHasher.last4("ab12"));
  }
}
