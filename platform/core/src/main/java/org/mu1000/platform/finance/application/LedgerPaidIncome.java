package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.impact.domain.PaidIncome;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/** The farmers' payouts of the last year that the provider confirmed as paid. */
@ApplicationScoped
public class LedgerPaidIncome implements PaidIncome {
  private Ledger ledger;

  protected LedgerPaidIncome() {}

  @Inject
  public LedgerPaidIncome(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Map<String, BigDecimal> paidWithinYear(Tenant t, LocalDate today) {
    Map<String, BigDecimal> out = new HashMap<>();
    String from = today.minusDays(364).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
    for (Payout p : ledger.store(t).scan(FinanceStore.PAYOUTS, Where.all(Where.eq("status", Payout.Status.PAID.name()),
        Where.atLeast("finalAt", from)), List.of("farmerId", "amount", "finalAt", "status", "attempt", "version"),
        Payout.class)) {
      LocalDate day = p.finalAt().atZone(ZoneOffset.UTC).toLocalDate();
      if (day.isAfter(today)) {
        continue;
      }
      out.merge(p.farmerId(), p.amount(), BigDecimal::add);
    }
    return out;
  }
}
