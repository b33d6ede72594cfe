package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, FarmerAccount> farmers = new HashMap<>(); // a blend holds many lots of the same farmers: read each once
    for (Lot lot : harvests) {
      Optional<JournalEntry> entry = store.find(FinanceStore.JOURNAL, "lot:" + lot.id(), JournalEntry.class);
      if (entry.isEmpty() || lot.farmerId() == null
          || !farmers.computeIfAbsent(lot.farmerId(), f -> FarmerAccount.of(store, f)).paidThrough(entry.get())) {
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

  /** What a farmer's lots made payable, and what their paid payouts add up to. */
  private record FarmerAccount(String account, List<JournalEntry> lots, BigDecimal paidOut) {
    static FarmerAccount of(FinanceStore store, String farmerId) {
      String account = Accounts.farmer(farmerId);
      List<JournalEntry> lots = store.list(FinanceStore.JOURNAL, Where.all(Where.eq("accounts", account),
          Where.eq("cause", "lot")), null, 0, 0, JournalEntry.class);
      BigDecimal paidOut = store.list(FinanceStore.PAYOUTS, Where.all(Where.eq("farmerId", farmerId),
          Where.eq("status", Payout.Status.PAID.name())), null, 0, 0, Payout.class).stream().map(Payout::amount)
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      return new FarmerAccount(account, lots, paidOut);
    }

    /** Whether the paid payouts cover all the farmer was owed up to and including this lot's entry. */
    boolean paidThrough(JournalEntry lotEntry) {
      BigDecimal owedThrough = lots.stream().filter(e -> !e.bookedAt().isAfter(lotEntry.bookedAt()))
          .map(e -> e.on(account).negate()).reduce(BigDecimal.ZERO, BigDecimal::add);
      return paidOut.compareTo(owedThrough) >= 0;
    }
  }
}
