package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.Payout.Status;
import org.mu1000.platform.finance.domain.PayoutBatch;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Farmer payouts. A batch holds what each farmer of a cooperative is owed; it is approved by a second person and
 * then sent, one provider transfer per farmer. Each step is a compare-and-set on the payout's state and each booking
 * has the payout's key, so a resumed batch, a retried transfer or a replayed callback pays nobody twice.
 */
@ApplicationScoped
public class PayoutService {
  private static final Logger LOG = Logger.getLogger(PayoutService.class.getName());

  private Ledger ledger;
  private Registry registry;
  private AuditTrail audit;
  private Event<PayoutsDue> due;
  private Event<PayoutPaid> paidEvents;
  private LoanService loans;

  protected PayoutService() {}

  @Inject
  public PayoutService(Ledger ledger, Registry registry, AuditTrail audit, Event<PayoutsDue> due,
      Event<PayoutPaid> paidEvents, LoanService loans) {
    this.loans = loans;
    this.paidEvents = paidEvents;
    this.ledger = ledger;
    this.registry = registry;
    this.audit = audit;
    this.due = due;
  }

  private static void requirePay(Caller c, String coopId) {
    if (!c.mayPay()) {
      throw DomainException.forbidden("payouts are for the tenant's administrators and cooperative managers");
    }
    if (coopId != null && !c.maySeeCoop(coopId)) {
      throw DomainException.notFound("cooperative", coopId);
    }
  }

  /** A batch of everything owed to the farmers of one cooperative who have a mobile-money number. */
  public PayoutBatch prepare(Tenant t, Caller c, String cooperativeId) {
    requirePay(c, cooperativeId);
    Cooperative coop = registry.repository(t).cooperative(cooperativeId)
        .orElseThrow(() -> DomainException.notFound("cooperative", cooperativeId));
    ProviderConfig provider = t.config().provider(ProviderConfig.PAYMENTS).orElseThrow(() -> new DomainException(
        Kind.CONFLICT, "tenant " + t.id() + " has no payments provider; its administrator configures one first"));
    FinanceStore store = ledger.store(t);
    Map<String, BigDecimal> unsent = new LinkedHashMap<>();
    for (Payout p : store.list(FinanceStore.PAYOUTS, Where.eq("status", Status.PENDING.name()), null, 0, 0,
        Payout.class)) {
      unsent.merge(p.farmerId(), p.amount(), BigDecimal::add);
    }
    String batchId = "pb" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    Instant now = Instant.now();
    PayoutBatch batch = new PayoutBatch(batchId, cooperativeId, provider.provider(), t.config().currency(),
        PayoutBatch.Status.PREPARED, 0, BigDecimal.ZERO, c.subject(), c.username(), now, null, null, null, null, null,
        0);
    BigDecimal repaid = BigDecimal.ZERO;
    java.util.Set<String> borrowers = loans.borrowers(t);
    for (Map.Entry<String, BigDecimal> owed : ledger.store(t).balances(Accounts.FARMER).entrySet()) {
      String farmerId = owed.getKey().substring(Accounts.FARMER.length());
      BigDecimal amount = owed.getValue().negate().subtract(unsent.getOrDefault(farmerId, BigDecimal.ZERO));
      if (amount.signum() <= 0) {
        continue;
      }
      Optional<Farmer> f = registry.repository(t).farmer(farmerId);
      if (f.isEmpty() || !cooperativeId.equals(f.get().cooperativeId())) {
        continue;
      }
      BigDecimal instalments = borrowers.contains(farmerId) ? loans.collect(t, farmerId, amount, batchId,
          c.username()) : BigDecimal.ZERO;
      repaid = repaid.add(instalments);
      amount = amount.subtract(instalments);
      if (amount.signum() <= 0 || f.get().msisdn() == null) {
        continue;
      }
      Payout p = new Payout(UUID.randomUUID().toString(), batchId, farmerId, cooperativeId, f.get().msisdn(), amount,
          t.config().currency(), provider.provider(), Status.PENDING, 1, null, null, null,
          message(coop, amount, t.config().currency()), null, null, null, null, now, now, 0);
      store.insert(FinanceStore.PAYOUTS, p.id(), p);
      batch = batch.plus(amount);
    }
    if (batch.count() == 0) {
      throw new DomainException(Kind.UNPROCESSABLE, "nothing is owed to the farmers of " + coop.name()
          + " who have a mobile-money number" + (repaid.signum() > 0 ? " after " + repaid.toPlainString() + " "
          + t.config().currency() + " of loan instalments were taken" : ""));
    }
    store.insert(FinanceStore.BATCHES, batchId, batch);
    audit.record(t, c.username(), "payout-batch.prepared", "payout-batch", batchId, null, Map.of("cooperative",
        cooperativeId, "payouts", batch.count(), "total", batch.total().toPlainString(), "loanInstalments",
        repaid.toPlainString()));
    return batch(t, c, batchId);
  }

  /** The SMS a farmer gets: short enough for one message, no names. */
  static String message(Cooperative coop, BigDecimal amount, String currency) {
    String name = coop.name().length() > 40 ? coop.name().substring(0, 40) : coop.name();
    return name + ": " + currency + " " + NumberFormat.getIntegerInstance(Locale.ROOT).format(amount)
        + " sent to your mobile money for your harvest. Thank you.";
  }

  public PayoutBatch batch(Tenant t, Caller c, String id) {
    requirePay(c, null);
    PayoutBatch b = ledger.store(t).find(FinanceStore.BATCHES, id, PayoutBatch.class)
        .filter(x -> c.maySeeCoop(x.cooperativeId())).orElseThrow(() -> DomainException.notFound("payout batch", id));
    return b;
  }

  public List<PayoutBatch> batches(Tenant t, Caller c, String cooperativeId, int page, int size) {
    requirePay(c, cooperativeId);
    List<Where> q = new ArrayList<>();
    if (cooperativeId != null) {
      q.add(Where.eq("cooperativeId", cooperativeId));
    } else if (c.isCoopScoped()) {
      q.add(Where.in("cooperativeId", c.coops()));
    }
    return ledger.store(t).list(FinanceStore.BATCHES, Where.all(q), Where.Order.byDescending("preparedAt"),
        Pages.skip(page, size), size, PayoutBatch.class);
  }

  /** How many of a batch's payouts are in each state. */
  public Map<String, Long> progress(Tenant t, PayoutBatch b) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (Status s : Status.values()) {
      m.put(s.code(), ledger.store(t).count(FinanceStore.PAYOUTS, Where.all(Where.eq("batchId", b.id()),
          Where.eq("status", s.name()))));
    }
    return m;
  }

  /** Whether a batch was sent and every payout in it is final (paid, failed or cancelled). */
  public boolean settled(Tenant t, PayoutBatch b) {
    return b.status() == PayoutBatch.Status.SENDING && ledger.store(t).count(FinanceStore.PAYOUTS, Where.all(
        Where.eq("batchId", b.id()), Where.in("status", List.of(Status.PENDING.name(), Status.SUBMITTING.name(),
            Status.SENT.name())))) == 0;
  }

  public List<Payout> payouts(Tenant t, Caller c, String batchId, Status status, int page, int size) {
    PayoutBatch b = batch(t, c, batchId);
    List<Where> q = new ArrayList<>(List.of(Where.eq("batchId", b.id())));
    if (status != null) {
      q.add(Where.eq("status", status.name()));
    }
    return ledger.store(t).list(FinanceStore.PAYOUTS, Where.all(q), Where.Order.by("createdAt"),
        Pages.skip(page, size), size, Payout.class);
  }

  public Payout payout(Tenant t, Caller c, String id) {
    requirePay(c, null);
    return ledger.store(t).find(FinanceStore.PAYOUTS, id, Payout.class).filter(p -> c.maySeeCoop(p.cooperativeId()))
        .orElseThrow(() -> DomainException.notFound("payout", id));
  }

  public PayoutBatch approve(Tenant t, Caller c, String id) {
    PayoutBatch current = batch(t, c, id);
    PayoutBatch saved = save(t, current.approved(c, Instant.now()), current.version());
    audit.record(t, c.username(), "payout-batch.approved", "payout-batch", id, Map.of("status", "prepared"),
        Map.of("status", "approved", "preparedBy", current.preparedByName()));
    return saved;
  }

  public PayoutBatch cancel(Tenant t, Caller c, String id) {
    PayoutBatch current = batch(t, c, id);
    PayoutBatch saved = save(t, current.cancelled(), current.version());
    for (Payout p : ledger.store(t).list(FinanceStore.PAYOUTS, Where.eq("batchId", id), null, 0, 0, Payout.class)) {
      move(t, p, Status.CANCELLED, null, "batch cancelled", null);
    }
    audit.record(t, c.username(), "payout-batch.cancelled", "payout-batch", id, null, null);
    return saved;
  }

  /** Sends an approved batch once: its payouts are handed to the provider's route, which answers asynchronously. */
  public PayoutBatch send(Tenant t, Caller c, String id) {
    PayoutBatch current = batch(t, c, id);
    PayoutBatch saved = save(t, current.sending(c, Instant.now()), current.version());
    audit.record(t, c.username(), "payout-batch.sent", "payout-batch", id, Map.of("status", "approved"),
        Map.of("status", "sending"));
    due.fire(new PayoutsDue(t.id(), unsent(t, id)));
    return saved;
  }

  /** A failed payout tried again under a new reference (the failed transfer stays as it was). */
  public Payout retry(Tenant t, Caller c, String payoutId) {
    Payout failed = payout(t, c, payoutId);
    if (failed.status() != Status.FAILED) {
      throw new DomainException(Kind.CONFLICT, "payout " + payoutId + " is " + failed.status().code()
          + "; only a failed payout is tried again");
    }
    FinanceStore store = ledger.store(t);
    if (store.count(FinanceStore.PAYOUTS, Where.eq("retryOf", payoutId)) > 0) {
      throw new DomainException(Kind.CONFLICT, "payout " + payoutId + " was tried again already");
    }
    Payout next = failed.retried(UUID.randomUUID().toString(), Instant.now());
    store.insert(FinanceStore.PAYOUTS, next.id(), next);
    audit.record(t, c.username(), "payout.retried", "payout", payoutId, null, Map.of("newPayout", next.id()));
    due.fire(new PayoutsDue(t.id(), List.of(next.id())));
    return store.get(FinanceStore.PAYOUTS, next.id(), Payout.class, "payout");
  }

  // ---- what the provider routes call ----

  /** Payouts of a batch being sent that were not handed to the provider yet. */
  public List<String> unsent(Tenant t, String batchId) {
    return ledger.store(t).ids(FinanceStore.PAYOUTS, Where.all(Where.eq("batchId", batchId), Where.eq("status",
        Status.PENDING.name())));
  }

  /** Batches being sent (to resume after a restart). */
  public List<String> sendingBatches(Tenant t) {
    return ledger.store(t).ids(FinanceStore.BATCHES, Where.eq("status", PayoutBatch.Status.SENDING.name()));
  }

  /** Payouts handed to the provider before {@code before} and still without a final state. */
  public List<Payout> unsettled(Tenant t, Instant before, int limit) {
    return ledger.store(t).list(FinanceStore.PAYOUTS, Where.all(Where.in("status", List.of(Status.SUBMITTING.name(),
        Status.SENT.name())), Where.atMost("handedAt", before)), Where.Order.by("handedAt"), 0, limit, Payout.class);
  }

  /**
   * The payout to hand to the provider now, booked as in flight (farmer → clearing); one already being handed over
   * (a resumed batch) is handed again under the same reference, which the provider knows; any other, nothing.
   */
  public Optional<Payout> handOver(Tenant t, String payoutId) {
    Optional<Payout> found = ledger.store(t).find(FinanceStore.PAYOUTS, payoutId, Payout.class);
    if (found.isEmpty() || found.get().status() == Status.SUBMITTING) {
      return found;
    }
    Payout p = found.get();
    if (p.status() != Status.PENDING || !batchSending(t, p.batchId())) {
      return Optional.empty();
    }
    ledger.book(t, ledger.entry(t, "payout:" + p.id() + ":sent", LocalDate.now(), "payout", p.id(),
        "payout to " + p.msisdn().substring(0, Math.min(7, p.msisdn().length())) + "…, batch " + p.batchId(),
        PaymentService.amounts(Accounts.farmer(p.farmerId()), p.amount(), Accounts.clearing(p.provider()),
            p.amount().negate()), "system"));
    return move(t, p, Status.SUBMITTING, null, null, Instant.now());
  }

  private boolean batchSending(Tenant t, String batchId) {
    return ledger.store(t).find(FinanceStore.BATCHES, batchId, PayoutBatch.class)
        .map(b -> b.status() == PayoutBatch.Status.SENDING).orElse(false);
  }

  /** The provider took the transfer. */
  public void accepted(Tenant t, String payoutId) {
    ledger.store(t).find(FinanceStore.PAYOUTS, payoutId, Payout.class).filter(p -> p.status() == Status.SUBMITTING)
        .ifPresent(p -> move(t, p, Status.SENT, null, null, null));
  }

  /** What applying a final state did. */
  public enum Applied { APPLIED, ALREADY, CONFLICTING, UNKNOWN }

  /**
   * The provider's final word on a transfer: paid (clearing → cash) or failed (the money is owed to the farmer
   * again). A final state is never changed: the same word again is {@code ALREADY}, another one {@code CONFLICTING}
   * (left for reconciliation).
   */
  public Applied settle(Tenant t, String payoutId, boolean paid, String transactionId, String reason) {
    Optional<Payout> found = ledger.store(t).find(FinanceStore.PAYOUTS, payoutId, Payout.class);
    if (found.isEmpty()) {
      return Applied.UNKNOWN;
    }
    Payout p = found.get();
    Status outcome = paid ? Status.PAID : Status.FAILED;
    if (p.status().isFinal()) {
      if (p.status() != outcome) {
        LOG.warning("payout " + payoutId + " of " + t.id() + " is " + p.status().code() + " but the provider now says "
            + outcome.code() + "; left for reconciliation");
      }
      return p.status() == outcome ? Applied.ALREADY : Applied.CONFLICTING;
    }
    if (p.status() == Status.PENDING) {
      return Applied.UNKNOWN; // never handed over: nothing the provider can know of
    }
    Map<String, BigDecimal> m = paid
        ? PaymentService.amounts(Accounts.clearing(p.provider()), p.amount(), Accounts.CASH, p.amount().negate())
        : PaymentService.amounts(Accounts.clearing(p.provider()), p.amount(), Accounts.farmer(p.farmerId()),
            p.amount().negate());
    ledger.book(t, ledger.entry(t, "payout:" + p.id() + ":" + outcome.code(), LocalDate.now(), "payout", p.id(),
        (paid ? "paid" : "failed: " + reason) + ", batch " + p.batchId(), m, "system"));
    if (move(t, p, outcome, transactionId, reason, null).isEmpty()) {
      return settle(t, payoutId, paid, transactionId, reason); // changed meanwhile: look again
    }
    if (paid) {
      paidEvents.fire(new PayoutPaid(t.id(), payoutId));
    }
    return Applied.APPLIED;
  }

  /** A payout as the provider routes see it (no caller: they act for the tenant). */
  public Optional<Payout> find(Tenant t, String payoutId) {
    return ledger.store(t).find(FinanceStore.PAYOUTS, payoutId, Payout.class);
  }

  /** The farmer's SMS about a paid payout went out (recorded once). */
  public void texted(Tenant t, String payoutId, String messageId) {
    ledger.store(t).find(FinanceStore.PAYOUTS, payoutId, Payout.class).filter(p -> p.smsSentAt() == null)
        .ifPresent(p -> ledger.store(t).replace(FinanceStore.PAYOUTS, p.id(), p.texted(messageId, Instant.now()),
            p.version(), Payout.class));
  }

  /** Paid payouts, paid before {@code before}, whose farmer has not had the SMS yet. */
  public List<Payout> untexted(Tenant t, Instant before, int limit) {
    return ledger.store(t).list(FinanceStore.PAYOUTS, Where.all(Where.eq("status", Status.PAID.name()),
        Where.eq("smsSentAt", null), Where.atMost("finalAt", before)), Where.Order.by("finalAt"), 0, limit,
        Payout.class);
  }

  private Optional<Payout> move(Tenant t, Payout p, Status next, String transactionId, String reason, Instant handed) {
    return ledger.store(t).replace(FinanceStore.PAYOUTS, p.id(), p.with(next, transactionId, reason, handed,
        Instant.now()), p.version(), Payout.class);
  }

  private PayoutBatch save(Tenant t, PayoutBatch next, long expected) {
    return ledger.store(t).replace(FinanceStore.BATCHES, next.id(), next, expected, PayoutBatch.class)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "payout batch " + next.id()
            + " was changed at the same time; look at it again"));
  }
}
