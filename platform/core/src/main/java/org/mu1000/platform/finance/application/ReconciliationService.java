package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.Payout.Status;
import org.mu1000.platform.finance.domain.Reconciliation;
import org.mu1000.platform.finance.domain.Reconciliation.Difference;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Compares the ledger with the provider: every payout that was handed over is looked up at the provider, its
 * bookings are checked against its state, and the clearing account against the payouts in flight. Nothing is
 * changed: the differences are for a person (the sweep settles what is merely late).
 */
@ApplicationScoped
public class ReconciliationService {
  private Ledger ledger;
  private Instance<PaymentRail> rails;
  private AuditTrail audit;

  protected ReconciliationService() {}

  @Inject
  public ReconciliationService(Ledger ledger, Instance<PaymentRail> rails, AuditTrail audit) {
    this.ledger = ledger;
    this.rails = rails;
    this.audit = audit;
  }

  public Reconciliation run(Tenant t, Caller c, String batchId) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("reconciliation is for the tenant's administrators");
    }
    if (!rails.isResolvable()) {
      throw new DomainException(Kind.UNAVAILABLE, "no payment routes are running on this server");
    }
    FinanceStore store = ledger.store(t);
    if (batchId != null && !store.exists(FinanceStore.BATCHES, batchId)) {
      throw DomainException.notFound("payout batch", batchId);
    }
    Where handed = Where.in("status", List.of(Status.SUBMITTING.name(), Status.SENT.name(), Status.PAID.name(),
        Status.FAILED.name()));
    List<Payout> payouts = store.list(FinanceStore.PAYOUTS, batchId == null ? handed
        : Where.all(handed, Where.eq("batchId", batchId)), Where.Order.by("createdAt"), 0, 0, Payout.class);
    List<Difference> diffs = new ArrayList<>();
    for (Payout p : payouts) {
      Optional<PaymentRail.Status> there = rails.get().status(t, p);
      String provider = there.map(s -> s.state().name().toLowerCase()).orElse("unreachable");
      String ours = p.status().code();
      if (there.isEmpty()) {
        diffs.add(new Difference(p.id(), p.farmerId(), "provider-unreachable", ours, provider, null));
      } else {
        String kind = compare(p.status(), there.get().state());
        if (kind != null) {
          diffs.add(new Difference(p.id(), p.farmerId(), kind, ours, provider, there.get().reason()));
        }
      }
      String books = booked(store, p);
      if (books != null) {
        diffs.add(new Difference(p.id(), p.farmerId(), "bookings", ours, provider, books));
      }
    }
    BigDecimal clearing = BigDecimal.ZERO;
    for (BigDecimal b : store.balances(Accounts.CLEARING).values()) {
      clearing = clearing.add(b);
    }
    BigDecimal inFlight = store.list(FinanceStore.PAYOUTS, Where.in("status", List.of(Status.SUBMITTING.name(),
        Status.SENT.name())), null, 0, 0, Payout.class).stream().map(Payout::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (clearing.negate().compareTo(inFlight) != 0) {
      diffs.add(new Difference(null, null, "clearing", clearing.negate().toPlainString(), inFlight.toPlainString(),
          "the clearing accounts hold " + clearing.negate().toPlainString() + " but payouts in flight add up to "
              + inFlight.toPlainString()));
    }
    Instant now = Instant.now();
    Reconciliation r = new Reconciliation("rc" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
        batchId, now, now.toEpochMilli(), c.username(), payouts.size(), diffs, clearing.negate(), inFlight, 0);
    store.insert(FinanceStore.RECONCILIATIONS, r.id(), r);
    audit.record(t, c.username(), "ledger.reconciled", "reconciliation", r.id(), null, Map.of("checked",
        payouts.size(), "differences", diffs.size()));
    return store.get(FinanceStore.RECONCILIATIONS, r.id(), Reconciliation.class, "reconciliation");
  }

  /** Null when the two agree (a transfer the provider still works on is in flight here too). */
  static String compare(Status ours, PaymentRail.Status.State provider) {
    switch (provider) {
      case PAID:
        return ours == Status.PAID ? null : ours == Status.FAILED ? "provider-paid-ledger-failed" : "not-yet-settled";
      case FAILED:
        return ours == Status.FAILED ? null : ours == Status.PAID ? "provider-failed-ledger-paid" : "not-yet-settled";
      case PENDING:
        return ours == Status.SENT || ours == Status.SUBMITTING ? null : "provider-pending-ledger-final";
      default:
        return "unknown-to-provider";
    }
  }

  /** Whether the payout's entries are the ones its state needs: sent always, then paid or failed, never both. */
  static String booked(FinanceStore store, Payout p) {
    Set<String> keys = store.list(FinanceStore.JOURNAL, Where.eq("causeId", p.id()), null, 0, 0, JournalEntry.class)
        .stream().map(JournalEntry::id).collect(Collectors.toSet());
    String prefix = "payout:" + p.id() + ":";
    boolean sent = keys.contains(prefix + "sent");
    boolean paid = keys.contains(prefix + "paid");
    boolean failed = keys.contains(prefix + "failed");
    boolean right = sent && (p.status() == Status.PAID ? paid && !failed
        : p.status() == Status.FAILED ? failed && !paid : !paid && !failed);
    return right ? null : "entries " + keys.stream().sorted().toList() + " do not fit a " + p.status().code()
        + " payout";
  }

  public List<Reconciliation> list(Tenant t, Caller c, int page, int size) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("reconciliation is for the tenant's administrators");
    }
    return ledger.store(t).list(FinanceStore.RECONCILIATIONS, null, Where.Order.byDescending("atMillis"),
        Pages.skip(page, size), size, Reconciliation.class);
  }
}
