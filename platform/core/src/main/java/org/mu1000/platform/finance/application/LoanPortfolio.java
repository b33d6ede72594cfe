package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.Loan;
import org.mu1000.platform.finance.domain.Loan.Status;
import org.mu1000.platform.impact.domain.LoanBook;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/** The loan book as a programme reads it: what was lent, repaid, is owed and is at risk (from the ledger). */
@ApplicationScoped
public class LoanPortfolio implements LoanBook {
  private Ledger ledger;

  protected LoanPortfolio() {}

  @Inject
  public LoanPortfolio(Ledger ledger) {
    this.ledger = ledger;
  }

  /** The programme's loan book, and its portfolio at risk: what is owed on loans more than 30 days overdue. */
  public record Portfolio(String currency, int loans, int open, int inArrears, BigDecimal disbursed,
      BigDecimal repaid, BigDecimal outstanding, BigDecimal atRisk30, BigDecimal par30Percent, BigDecimal writtenOff) {}

  /** What a programme's input loans paid out to suppliers (written off or not): for the donors' reports. */
  @Override
  public BigDecimal disbursed(Tenant t, String programmeId) {
    return ledger.store(t).list(FinanceStore.LOANS, Where.all(Where.eq("programmeId", programmeId), Where.in(
        "status", List.of(Status.DISBURSED.name(), Status.REPAID.name(), Status.WRITTEN_OFF.name()))), null, 0, 0,
        Loan.class).stream().map(Loan::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Portfolio portfolio(Tenant t, Caller c, String programmeId) {
    if (!c.mayPay() && !c.mayReadImpact()) {
      throw DomainException.forbidden("your role may not read the loan portfolio");
    }
    List<Where> q = new ArrayList<>(List.of(Where.in("status", List.of(Status.DISBURSED.name(),
        Status.REPAID.name(), Status.WRITTEN_OFF.name()))));
    if (programmeId != null) {
      q.add(Where.eq("programmeId", programmeId));
    }
    if (c.isCoopScoped()) {
      q.add(Where.in("cooperativeId", c.coops()));
    }
    FinanceStore store = ledger.store(t);
    Map<String, BigDecimal> balances = store.balances(Accounts.LOAN);
    int count = 0;
    int open = 0;
    int arrears = 0;
    BigDecimal disbursed = BigDecimal.ZERO;
    BigDecimal repaid = BigDecimal.ZERO;
    BigDecimal outstanding = BigDecimal.ZERO;
    BigDecimal atRisk = BigDecimal.ZERO;
    BigDecimal writtenOff = BigDecimal.ZERO;
    LocalDate today = LocalDate.now();
    for (Loan l : store.list(FinanceStore.LOANS, Where.all(q), null, 0, 0, Loan.class)) {
      count++;
      BigDecimal balance = balances.getOrDefault(Accounts.loan(l.id()), BigDecimal.ZERO);
      BigDecimal wo = Optional.ofNullable(l.writtenOff()).orElse(BigDecimal.ZERO);
      BigDecimal paid = l.total().subtract(balance).subtract(wo);
      disbursed = disbursed.add(l.principal());
      repaid = repaid.add(paid);
      writtenOff = writtenOff.add(wo);
      if (l.status() == Status.DISBURSED) {
        open++;
        Loan.Standing s = l.standing(paid, today);
        outstanding = outstanding.add(s.outstanding());
        if (s.daysOverdue() > 0) {
          arrears++;
        }
        if (s.daysOverdue() > 30) {
          atRisk = atRisk.add(s.outstanding());
        }
      }
    }
    BigDecimal par = outstanding.signum() == 0 ? BigDecimal.ZERO
        : atRisk.multiply(BigDecimal.valueOf(100)).divide(outstanding, 2, RoundingMode.HALF_EVEN);
    return new Portfolio(t.config().currency(), count, open, arrears, disbursed, repaid, outstanding, atRisk, par,
        writtenOff);
  }

}
