package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.kernel.FxRate;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The tenant's double-entry ledger. Every entry is written once under its business key, so an event booked again
 * (a retry, a replayed callback, a resumed batch) books nothing. Balances are summed from the entries themselves.
 */
@ApplicationScoped
public class Ledger {
  private FinanceStore.Stores stores;
  private Registry registry;

  protected Ledger() {}

  @Inject
  public Ledger(FinanceStore.Stores stores, Registry registry) {
    this.stores = stores;
    this.registry = registry;
  }

  public FinanceStore store(Tenant t) {
    return stores.of(t);
  }

  /** An entry in the tenant's currency, valued in USD at the tenant's rate of the day. */
  public JournalEntry entry(Tenant t, String key, LocalDate date, String cause, String causeId, String memo,
      Map<String, BigDecimal> amounts, String actor) {
    return JournalEntry.of(key, date, cause, causeId, memo, t.config().currency(),
        FxRate.on(t.config().fxRates(), date).orElse(null), amounts, actor, Instant.now());
  }

  /** Books the entry unless its key is booked already; true when it was booked now. */
  public boolean book(Tenant t, JournalEntry e) {
    return store(t).insert(FinanceStore.JOURNAL, e.id(), e);
  }

  /** An amount rounded to the currency's minor unit (RWF has none, KES two). */
  public static BigDecimal minor(Tenant t, BigDecimal amount) {
    return amount.setScale(Currency.getInstance(t.config().currency()).getDefaultFractionDigits(),
        RoundingMode.HALF_EVEN);
  }

  /** One account's line in the trial balance. */
  public record Balance(String account, String kind, BigDecimal balance) {}

  /** Every account with a balance; the balances sum to zero, or the ledger is broken. */
  public record TrialBalance(String currency, List<Balance> accounts, BigDecimal debits, BigDecimal credits,
      BigDecimal sum) {}

  public TrialBalance trialBalance(Tenant t, Caller c) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("the ledger is for the tenant's administrators");
    }
    List<Balance> rows = new ArrayList<>();
    BigDecimal debits = BigDecimal.ZERO;
    BigDecimal credits = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : store(t).balances().entrySet()) {
      rows.add(new Balance(e.getKey(), Accounts.kind(e.getKey()), e.getValue()));
      if (e.getValue().signum() > 0) {
        debits = debits.add(e.getValue());
      } else {
        credits = credits.add(e.getValue().negate());
      }
    }
    return new TrialBalance(t.config().currency(), rows, debits, credits, debits.subtract(credits));
  }

  /** A farmer's statement: every entry on their account, oldest first, with the running balance owed to them. */
  public record Line(JournalEntry entry, BigDecimal amount, BigDecimal owed) {}

  public record Statement(String farmerId, String currency, BigDecimal owed, List<Line> lines, long total) {}

  public Statement statement(Tenant t, Caller c, String farmerId, int page, int size) {
    if (!c.mayPay()) {
      throw DomainException.forbidden("statements are for the tenant's administrators and cooperative managers");
    }
    Farmer f = registry.repository(t).farmer(farmerId).filter(x -> c.maySeeCoop(x.cooperativeId()))
        .orElseThrow(() -> DomainException.notFound("farmer", farmerId));
    String account = Accounts.farmer(f.id());
    Where where = Where.eq("accounts", account);
    long total = store(t).count(FinanceStore.JOURNAL, where);
    List<JournalEntry> all = store(t).list(FinanceStore.JOURNAL, where, Where.Order.by("date"), 0, 0,
        JournalEntry.class);
    List<Line> lines = new ArrayList<>();
    BigDecimal owed = BigDecimal.ZERO;
    int from = Pages.skip(page, size);
    for (int i = 0; i < all.size(); i++) {
      BigDecimal amount = all.get(i).on(account).negate(); // a credit to the farmer's account is owed to them
      owed = owed.add(amount);
      if (i >= from && i < from + size) {
        lines.add(new Line(all.get(i), amount, owed));
      }
    }
    return new Statement(f.id(), t.config().currency(), owed, lines, total);
  }
}
