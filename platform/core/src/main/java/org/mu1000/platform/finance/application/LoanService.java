package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.finance.domain.Loan;
import org.mu1000.platform.finance.domain.Loan.Status;
import org.mu1000.platform.finance.domain.Supplier;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;

/**
 * Input loans against confirmed orders (supply-chain finance). A farmer with a quota on an order may borrow up to
 * the programme's share of its expected value; the loan is paid to a registered input supplier, never to the farmer,
 * and its instalments are taken from the farmer's payouts as they fall due. Every movement is a keyed journal entry;
 * what a loan has had repaid is read from the ledger.
 */
@ApplicationScoped
public class LoanService {
  private Ledger ledger;
  private Registry registry;
  private OrderService orders;
  private AuditTrail audit;
  private SupplierService suppliers;

  protected LoanService() {}

  @Inject
  public LoanService(Ledger ledger, Registry registry, OrderService orders, AuditTrail audit,
      SupplierService suppliers) {
    this.suppliers = suppliers;
    this.ledger = ledger;
    this.registry = registry;
    this.orders = orders;
    this.audit = audit;
  }

  static void requireLoans(Caller c) {
    if (!c.mayPay()) {
      throw DomainException.forbidden("loans are for the tenant's administrators and cooperative managers");
    }
  }

  // ---- applying ----

  /** How much a farmer may still borrow against an order. */
  public record Limit(String farmerId, String orderId, String currency, BigDecimal quotaKg, BigDecimal expectedValue,
      BigDecimal sharePercent, BigDecimal borrowed, BigDecimal available, Programme programme,
      PurchaseOrder order, Farmer farmer) {}

  public Limit limit(Tenant t, Caller c, String farmerId, String orderId) {
    requireLoans(c);
    Farmer f = registry.repository(t).farmer(farmerId).filter(x -> c.maySeeCoop(x.cooperativeId()))
        .orElseThrow(() -> DomainException.notFound("farmer", farmerId));
    PurchaseOrder o = orders.get(t, c, orderId);
    if (o.status() != PurchaseOrder.Status.CONFIRMED && o.status() != PurchaseOrder.Status.IN_DELIVERY) {
      throw new DomainException(Kind.CONFLICT, "order " + o.number() + " is " + o.status().code()
          + "; inputs are financed against a confirmed order");
    }
    Programme p = registry.repository(t).programme(o.programmeId())
        .orElseThrow(() -> DomainException.notFound("programme", o.programmeId()));
    if (p.loans() == null) {
      throw new DomainException(Kind.CONFLICT, "programme " + p.name() + " gives no input loans; its administrator"
          + " sets its loan terms first");
    }
    BigDecimal quota = BigDecimal.ZERO;
    BigDecimal value = BigDecimal.ZERO;
    for (OrderService.FarmerQuota q : orders.quotasOf(t, c, f.id())) {
      if (q.orderId().equals(o.id())) {
        quota = quota.add(q.quotaKg());
        value = value.add(q.quotaKg().multiply(o.line(q.lineId()).pricePerKg()));
      }
    }
    value = Ledger.minor(t, value);
    BigDecimal borrowed = ledger.store(t).list(FinanceStore.LOANS, Where.all(Where.eq("farmerId", f.id()),
        Where.eq("orderId", o.id())), null, 0, 0, Loan.class).stream().filter(l -> l.status() != Status.REJECTED)
        .map(Loan::principal).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal cap = value.multiply(p.loans().sharePercent()).divide(BigDecimal.valueOf(100), 10,
        RoundingMode.HALF_EVEN);
    BigDecimal available = cap.setScale(Ledger.minor(t, BigDecimal.ZERO).scale(), RoundingMode.DOWN)
        .subtract(borrowed).max(BigDecimal.ZERO);
    return new Limit(f.id(), o.id(), t.config().currency(), quota, value, p.loans().sharePercent(), borrowed,
        available, p, o, f);
  }

  public record Application(String farmerId, String orderId, String supplierId, BigDecimal principal,
      Integer termMonths, String purpose) {}

  public Loan apply(Tenant t, Caller c, Application in) {
    requireLoans(c);
    Violations v = new Violations();
    v.require(in.farmerId() != null && !in.farmerId().isBlank(), "farmerId", "is required");
    v.require(in.orderId() != null && !in.orderId().isBlank(), "orderId", "is required");
    v.require(in.supplierId() != null && !in.supplierId().isBlank(), "supplierId", "is required");
    v.require(in.principal() != null && in.principal().signum() > 0, "principal", "must be more than 0");
    v.require(in.principal() == null || in.principal().compareTo(Ledger.minor(t, in.principal())) == 0, "principal",
        "has more decimals than " + t.config().currency() + " has");
    v.require(in.termMonths() != null && in.termMonths() >= 1, "termMonths", "must be 1 or more");
    v.require(in.purpose() == null || in.purpose().length() <= 200, "purpose", "must be at most 200 characters");
    v.throwIfAny();
    Supplier s = suppliers.supplier(t, in.supplierId())
        .orElseThrow(() -> DomainException.invalid("supplierId", "no registered input supplier " + in.supplierId()));
    Limit limit = limit(t, c, in.farmerId(), in.orderId());
    if (limit.quotaKg().signum() == 0) {
      throw new DomainException(Kind.UNPROCESSABLE, "farmer " + in.farmerId() + " has no quota on order "
          + limit.order().number() + "; a loan is against the farmer's quota");
    }
    Programme.LoanTerms terms = limit.programme().loans();
    if (in.termMonths() > terms.maxTerm()) {
      throw DomainException.invalid("termMonths", "must be at most " + terms.maxTerm() + " months (programme "
          + limit.programme().name() + ")");
    }
    if (in.principal().compareTo(limit.available()) > 0) {
      throw DomainException.invalid("principal", "must be at most " + limit.available().toPlainString() + " "
          + limit.currency() + ": " + terms.sharePercent().toPlainString() + "% of the expected value of the farmer's"
          + " quota (" + limit.expectedValue().toPlainString() + ") less " + limit.borrowed().toPlainString()
          + " already borrowed against order " + limit.order().number());
    }
    int scale = Ledger.minor(t, BigDecimal.ZERO).scale();
    Instant now = Instant.now();
    Loan loan = new Loan(Ids.next("ln"), limit.farmer().id(), limit.farmer().cooperativeId(), limit.programme().id(),
        limit.order().id(), limit.order().number(), s.id(), s.name(), in.purpose(), in.principal(),
        t.config().currency(), terms.annualRatePercent(), terms.interest(), in.termMonths(), limit.available(),
        Status.APPLIED, Loan.schedule(in.principal(), terms.annualRatePercent(), terms.interest(), in.termMonths(),
            LocalDate.now(), scale), c.subject(), c.username(), now, null, null, null, null, null, null, null, 0);
    ledger.store(t).insert(FinanceStore.LOANS, loan.id(), loan);
    audit.record(t, c.username(), "loan.applied", "loan", loan.id(), null, Map.of("farmer", loan.farmerId(),
        "order", loan.orderNumber(), "principal", loan.principal().toPlainString(), "supplier", s.name()));
    return loan(t, c, loan.id());
  }

  // ---- reading ----

  public Loan loan(Tenant t, Caller c, String id) {
    requireLoans(c);
    return ledger.store(t).find(FinanceStore.LOANS, id, Loan.class).filter(l -> c.maySeeCoop(l.cooperativeId()))
        .orElseThrow(() -> DomainException.notFound("loan", id));
  }

  /** A loan with how it stands today. */
  public record View(Loan loan, Loan.Standing standing) {}

  public View view(Tenant t, Loan l) {
    return new View(l, l.standing(repaid(t, l), LocalDate.now()));
  }

  public record Page(List<View> items, long total) {}

  public Page loans(Tenant t, Caller c, String farmerId, String cooperativeId, Status status, boolean arrears,
      int page, int size) {
    requireLoans(c);
    if (cooperativeId != null && !c.maySeeCoop(cooperativeId)) {
      throw DomainException.notFound("cooperative", cooperativeId);
    }
    List<Where> q = new ArrayList<>();
    if (farmerId != null) {
      q.add(Where.eq("farmerId", farmerId));
    }
    if (cooperativeId != null) {
      q.add(Where.eq("cooperativeId", cooperativeId));
    } else if (c.isCoopScoped()) {
      q.add(Where.in("cooperativeId", c.coops()));
    }
    if (status != null || arrears) {
      q.add(Where.eq("status", arrears ? Status.DISBURSED.name() : status.name()));
    }
    FinanceStore store = ledger.store(t);
    Where where = Where.all(q);
    if (!arrears) {
      return new Page(store.list(FinanceStore.LOANS, where, Where.Order.byDescending("appliedAt"),
          Pages.skip(page, size), size, Loan.class).stream().map(l -> view(t, l)).toList(),
          store.count(FinanceStore.LOANS, where));
    }
    List<View> overdue = store.list(FinanceStore.LOANS, where, Where.Order.byDescending("appliedAt"), 0, 0,
        Loan.class).stream().map(l -> view(t, l)).filter(v -> v.standing().overdue().signum() > 0
        && v.standing().daysOverdue() > 0).toList();
    int from = Math.min(Pages.skip(page, size), overdue.size());
    return new Page(overdue.subList(from, Math.min(from + size, overdue.size())), overdue.size());
  }

  /** What was repaid on a loan: its repayment entries in the ledger. */
  BigDecimal repaid(Tenant t, Loan l) {
    if (!l.status().disbursed()) {
      return BigDecimal.ZERO;
    }
    String account = Accounts.loan(l.id());
    return ledger.store(t).list(FinanceStore.JOURNAL, Where.all(Where.eq("accounts", account),
        Where.eq("causeId", l.id())), null, 0, 0, JournalEntry.class).stream()
        .filter(e -> e.id().startsWith("loan:" + l.id() + ":repay:")).map(e -> e.on(account).negate())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  // ---- deciding and paying ----

  public Loan approve(Tenant t, Caller c, String id) {
    Loan current = loan(t, c, id);
    Loan saved = save(t, current.approved(c, Instant.now()), current.version());
    audit.record(t, c.username(), "loan.approved", "loan", id, Map.of("status", "applied"), Map.of("status",
        "approved", "appliedBy", current.appliedByName()));
    return saved;
  }

  public Loan reject(Tenant t, Caller c, String id, String reason) {
    Loan current = loan(t, c, id);
    Loan saved = save(t, current.rejected(c, Instant.now(), reason), current.version());
    audit.record(t, c.username(), "loan.rejected", "loan", id, Map.of("status", current.status().code()),
        reason == null ? Map.of("status", "rejected") : Map.of("status", "rejected", "reason", reason));
    return saved;
  }

  /**
   * Pays an approved loan to its supplier: the farmer owes principal and interest (loan receivable), the supplier is
   * owed the principal and is paid it. Both entries are keyed by the loan, so a disbursement interrupted half-way
   * and done again books nothing twice.
   */
  public Loan disburse(Tenant t, Caller c, String id, String supplierReference, LocalDate day) {
    Loan current = loan(t, c, id);
    Violations v = new Violations();
    v.require(supplierReference != null && !supplierReference.isBlank(), "supplierReference",
        "is required: the supplier's invoice or delivery note");
    v.require(supplierReference == null || supplierReference.length() <= 80, "supplierReference",
        "must be at most 80 characters");
    v.require(day == null || !day.isAfter(LocalDate.now()), "disbursedOn", "must not be in the future");
    v.throwIfAny();
    LocalDate on = day == null ? LocalDate.now() : day;
    Loan next = current.disbursed(c, on, supplierReference.trim(), Ledger.minor(t, BigDecimal.ZERO).scale());
    String loan = Accounts.loan(id);
    String supplier = Accounts.supplier(next.supplierId());
    Map<String, BigDecimal> owed = new LinkedHashMap<>();
    owed.put(loan, next.total());
    owed.put(Accounts.INTEREST, next.interest().negate());
    owed.put(supplier, next.principal().negate());
    ledger.book(t, ledger.entry(t, "loan:" + id + ":disbursed", on, "loan", id, "input loan for order "
        + next.orderNumber() + ": " + (next.purpose() == null ? "inputs" : next.purpose()) + " from "
        + next.supplierName(), owed, c.username()));
    ledger.book(t, ledger.entry(t, "loan:" + id + ":supplier-paid", on, "loan", id, "paid to " + next.supplierName()
        + ", " + next.supplierReference(), PaymentService.amounts(supplier, next.principal(), Accounts.CASH,
        next.principal().negate()), c.username()));
    Loan saved = save(t, next, current.version());
    audit.record(t, c.username(), "loan.disbursed", "loan", id, Map.of("status", "approved"), Map.of("status",
        "disbursed", "supplier", next.supplierName(), "reference", next.supplierReference(), "principal",
        next.principal().toPlainString(), "interest", next.interest().toPlainString()));
    return saved;
  }

  /** Writes off what is still owed: the unpaid interest is taken back from income, the rest is an expense. */
  public Loan writeOff(Tenant t, Caller c, String id, String reason) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("loans are written off by the tenant's administrators");
    }
    Loan current = loan(t, c, id);
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "is required to write a loan off");
    }
    Loan.Standing s = current.standing(repaid(t, current), LocalDate.now());
    BigDecimal unpaid = s.outstanding();
    BigDecimal unpaidInterest = current.interest().subtract(s.interestRepaid()).min(unpaid);
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put(Accounts.WRITE_OFFS, unpaid.subtract(unpaidInterest));
    m.put(Accounts.INTEREST, unpaidInterest);
    m.put(Accounts.loan(id), unpaid.negate());
    Loan next = current.writtenOff(unpaid, reason.trim());
    if (unpaid.signum() > 0) {
      ledger.book(t, ledger.entry(t, "loan:" + id + ":written-off", LocalDate.now(), "loan", id, "written off: "
          + reason.trim(), m, c.username()));
    }
    Loan saved = save(t, next, current.version());
    audit.record(t, c.username(), "loan.written-off", "loan", id, Map.of("status", "disbursed"), Map.of("status",
        "written-off", "amount", unpaid.toPlainString(), "reason", reason.trim()));
    return saved;
  }

  // ---- repayment from payouts ----

  /** The farmers who have a loan being repaid (one read, so a batch asks only them for instalments). */
  public java.util.Set<String> borrowers(Tenant t) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (Loan l : ledger.store(t).list(FinanceStore.LOANS, Where.eq("status", Status.DISBURSED.name()), null, 0, 0,
        Loan.class)) {
      out.add(l.farmerId());
    }
    return out;
  }

  /**
   * Takes what has fallen due on a farmer's loans from what they are owed ({@code available}), oldest loan first,
   * booked under {@code key} (the payout batch), so preparing the same batch again takes nothing twice. Returns what
   * was taken.
   */
  public BigDecimal collect(Tenant t, String farmerId, BigDecimal available, String key, String actor) {
    BigDecimal left = available;
    LocalDate today = LocalDate.now();
    List<Loan> open = ledger.store(t).list(FinanceStore.LOANS, Where.all(Where.eq("farmerId", farmerId),
        Where.eq("status", Status.DISBURSED.name())), null, 0, 0, Loan.class).stream()
        .sorted(Comparator.comparing(Loan::disbursedOn).thenComparing(Loan::id)).toList();
    for (Loan l : open) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal repaid = repaid(t, l);
      BigDecimal due = l.dueBy(today).subtract(repaid).max(BigDecimal.ZERO);
      BigDecimal take = due.min(left);
      if (take.signum() <= 0) {
        continue;
      }
      boolean booked = ledger.book(t, ledger.entry(t, "loan:" + l.id() + ":repay:" + key, today, "loan", l.id(),
          "instalment of input loan for order " + l.orderNumber() + ", from payout batch " + key,
          PaymentService.amounts(Accounts.farmer(farmerId), take, Accounts.loan(l.id()), take.negate()), actor));
      if (!booked) {
        continue;
      }
      left = left.subtract(take);
      if (repaid.add(take).compareTo(l.total()) >= 0) {
        ledger.store(t).replace(FinanceStore.LOANS, l.id(), l.repaid(), l.version(), Loan.class);
      }
    }
    return available.subtract(left);
  }

  private Loan save(Tenant t, Loan next, long expected) {
    return ledger.store(t).replace(FinanceStore.LOANS, next.id(), next, expected, Loan.class)
        .orElseThrow(() -> new DomainException(Kind.CONFLICT, "loan " + next.id()
            + " was changed at the same time; look at it again"));
  }
}
