package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.Posting;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.FarmerPay;
import org.mu1000.platform.valuechain.domain.Lot;

/**
 * The farmers' pay for harvest lots, from the ledger: a lot counts as paid once the farmer's paid payouts cover
 * everything they were owed up to and including that lot (first owed, first paid).
 */
@ApplicationScoped
public class LedgerFarmerPay implements FarmerPay {
  private Ledger ledger;

  protected LedgerFarmerPay() {}

  @Inject
  public LedgerFarmerPay(Ledger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<Paid> paidFor(Tenant t, List<Lot> harvests) {
    if (harvests.isEmpty()) {
      return Optional.empty();
    }
    FinanceStore store = ledger.store(t);
    BigDecimal local = BigDecimal.ZERO;
    BigDecimal usd = BigDecimal.ZERO;
    BigDecimal kg = BigDecimal.ZERO;
    for (Lot lot : harvests) {
      Optional<JournalEntry> entry = store.find(FinanceStore.JOURNAL, "lot:" + lot.id(), JournalEntry.class);
      if (entry.isEmpty() || lot.farmerId() == null || !paid(store, lot.farmerId(), entry.get())) {
        return Optional.empty();
      }
      String account = Accounts.farmer(lot.farmerId());
      for (Posting p : entry.get().postings()) {
        if (p.account().equals(account)) {
          local = local.add(p.amount().negate());
          usd = usd.add(p.usd() == null ? BigDecimal.ZERO : p.usd().negate());
        }
      }
      kg = kg.add(lot.kg());
    }
    if (kg.signum() <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Paid(local.divide(kg, 2, RoundingMode.HALF_EVEN), t.config().currency(),
        usd.divide(kg, 2, RoundingMode.HALF_EVEN)));
  }

  /** Whether the farmer's paid payouts cover all they were owed up to this entry. */
  private static boolean paid(FinanceStore store, String farmerId, JournalEntry lotEntry) {
    String account = Accounts.farmer(farmerId);
    BigDecimal owedThrough = store.list(FinanceStore.JOURNAL, Where.all(Where.eq("accounts", account),
        Where.eq("cause", "lot")), null, 0, 0, JournalEntry.class).stream()
        .sorted(Comparator.comparing(JournalEntry::bookedAt))
        .filter(e -> !e.bookedAt().isAfter(lotEntry.bookedAt()))
        .map(e -> e.on(account).negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal paidOut = store.list(FinanceStore.PAYOUTS, Where.all(Where.eq("farmerId", farmerId),
        Where.eq("status", Payout.Status.PAID.name())), null, 0, 0, Payout.class).stream().map(Payout::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return paidOut.compareTo(owedThrough) >= 0;
  }
}
