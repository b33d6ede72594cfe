package org.mu1000.platform.tenancy.domain;

import org.mu1000.platform.kernel.FxRate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violation;

class TenantConfigTest {
  static TenantConfig rwanda() {
    return new TenantConfig("rwanda", "Rwanda", "RW", "RWF", AreaUnit.HA, List.of("rw", "en", "fr"), "Africa/Kigali",
        new BigDecimal("1300"), List.of(new FxRate(LocalDate.of(2026, 1, 1), new BigDecimal("1462"))), null);
  }

  @Test
  void realCodesPass() {
    rwanda().validate();
  }

  @Test
  void madeUpCodesAreRefusedFieldByField() {
    var bad = new TenantConfig("Rw", "", "XX", "EUROS", AreaUnit.MU, List.of("zz"), "Mars/Olympus",
        BigDecimal.ZERO, List.of(new FxRate(LocalDate.of(2026, 1, 1), BigDecimal.ONE),
            new FxRate(LocalDate.of(2026, 1, 1), BigDecimal.TEN)), null);
    var e = assertThrows(DomainException.class, bad::validate);
    assertEquals(List.of("id", "name", "country", "currency", "languages[0]", "timezone", "povertyLine",
        "fxRates[1].date"), e.violations().stream().map(Violation::field).toList());
  }

  @Test
  void lifecycleSuspendResumeAndTwoStepDeletion() {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    Tenant t = Tenant.opened(rwanda(), null, now).activated(now);
    assertEquals(TenantStatus.ACTIVE, t.status());
    Tenant s = t.suspended("", now);
    assertEquals("suspended by the platform", s.suspendedReason());
    assertEquals(TenantStatus.ACTIVE, s.resumed(now).status());
    assertThrows(DomainException.class, () -> t.resumed(now));
    Tenant d = t.deletionRequested("abc", now.plusSeconds(60), now);
    assertThrows(DomainException.class, () -> d.checkDeletionCode("xyz", now));
    assertThrows(DomainException.class, () -> d.checkDeletionCode("abc", now.plusSeconds(61)));
    d.checkDeletionCode("abc", now);
    assertThrows(DomainException.class, () -> t.checkDeletionCode("abc", now));
  }

  @Test
  void areasConvertFromSquareMetres() {
    assertEquals(new BigDecimal("1.0000"), AreaUnit.MU.fromSquareMetres(new BigDecimal("666.6667")));
    assertEquals(new BigDecimal("15.0000"), AreaUnit.MU.fromSquareMetres(new BigDecimal("10000")));
    assertEquals(new BigDecimal("1.5000"), AreaUnit.HA.fromSquareMetres(new BigDecimal("15000")));
    assertEquals(new BigDecimal("1.0000"), AreaUnit.ACRE.fromSquareMetres(new BigDecimal("4046.8564224")));
  }
}
