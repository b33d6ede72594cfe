package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.finance.domain.Accounts;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.Payment;
import org.mu1000.platform.finance.domain.PaymentRequest;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.ShipmentService;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.Shipment;

/**
 * A buyer's payment for a shipment. It is booked as cash received, and it makes the farmers' harvest lots in the
 * shipment (found through the lots it was made from) payable: each lot's value at the price the impact figures use,
 * less the programme's cooperative fee. A harvest lot is made payable once, whichever shipment pays for it first.
 */
@ApplicationScoped
public class PaymentService {
  private Ledger ledger;
  private ShipmentService shipments;
  private LotService lots;
  private Registry registry;
  private AuditTrail audit;
  private Instance<PaymentRail> rails;

  protected PaymentService() {}

  @Inject
  public PaymentService(Ledger ledger, ShipmentService shipments, LotService lots, Registry registry,
      AuditTrail audit, Instance<PaymentRail> rails) {
    this.rails = rails;
    this.ledger = ledger;
    this.shipments = shipments;
    this.lots = lots;
    this.registry = registry;
    this.audit = audit;
  }

  /** What a buyer paid: amount in the tenant's currency, the buyer's own reference, and the day. */
  public record PaymentInput(BigDecimal amount, String currency, String reference, LocalDate paidOn) {}

  public Payment record(Tenant t, Caller c, String shipmentId, PaymentInput in) {
    if (!c.mayRecordPayments()) {
      throw DomainException.forbidden("your role may not record payments");
    }
    return book(t, c.username(), shipmentId, in);
  }

  private void check(Tenant t, PaymentInput in) {
    Violations v = new Violations();
    v.require(in.amount() != null && in.amount().signum() > 0, "amount", "must be more than 0");
    v.require(in.amount() == null || in.amount().compareTo(Ledger.minor(t, in.amount())) == 0, "amount",
        "has more decimals than " + t.config().currency() + " has");
    v.require(t.config().currency().equals(in.currency()), "currency", "must be the tenant's currency, "
        + t.config().currency());
    v.require(in.reference() != null && !in.reference().isBlank(), "reference", "is required");
    v.require(in.paidOn() == null || !in.paidOn().isAfter(LocalDate.now().plusDays(1)), "paidOn",
        "must not be in the future");
    v.throwIfAny();
  }

  private Shipment payable(Tenant t, String shipmentId) {
    Shipment s = shipments.shipment(t, shipmentId);
    if (!"shipped".equals(s.status()) && !"delivered".equals(s.status())) {
      throw new DomainException(Kind.CONFLICT, "shipment " + s.sscc() + " is " + s.status() + "; a payment is for a"
          + " shipment that left");
    }
    return s;
  }

  /** Books a buyer's payment as {@code actor} (a person, or the provider that collected it). */
  private Payment book(Tenant t, String actor, String shipmentId, PaymentInput in) {
    check(t, in);
    Shipment s = payable(t, shipmentId);
    String id = Ids.derived("pay", shipmentId, in.reference());
    FinanceStore store = ledger.store(t);
    if (store.exists(FinanceStore.PAYMENTS, id)) {
      throw new DomainException(Kind.CONFLICT, "payment " + in.reference() + " for shipment " + s.sscc()
          + " is recorded already");
    }
    LocalDate day = in.paidOn() == null ? LocalDate.now() : in.paidOn();
    ledger.book(t, ledger.entry(t, "payment:" + id, day, "payment", id, "payment " + in.reference() + " for "
        + s.sscc(), amounts(Accounts.CASH, in.amount(), Accounts.SALES, in.amount().negate()), actor));

    Map<String, Programme> programmes = new HashMap<>();
    Set<String> farmers = new HashSet<>();
    int payableLots = 0;
    BigDecimal payable = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    for (Lot harvest : harvestLots(t, s)) {
      Contribution value = lots.contribution(t, harvest).orElse(null);
      if (value == null || value.local().signum() <= 0 || harvest.farmerId() == null) {
        continue;
      }
      BigDecimal worth = Ledger.minor(t, value.local());
      Programme p = programmes.computeIfAbsent(harvest.programmeId(), pid -> registry.repository(t).programme(pid)
          .orElse(null));
      BigDecimal pct = p == null ? BigDecimal.ZERO : p.cooperativeFeePercent();
      BigDecimal fee = Ledger.minor(t, worth.multiply(pct).divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_EVEN));
      BigDecimal share = worth.subtract(fee);
      Map<String, BigDecimal> m = new LinkedHashMap<>();
      m.put(Accounts.PRODUCE, worth);
      m.put(Accounts.farmer(harvest.farmerId()), share.negate());
      m.put(Accounts.fees(harvest.cooperativeId()), fee.negate());
      boolean booked = ledger.book(t, ledger.entry(t, "lot:" + harvest.id(), day, "lot", harvest.id(),
          "lot " + harvest.code() + ", " + harvest.kg().stripTrailingZeros().toPlainString() + " kg grade "
              + harvest.grade() + " (shipment " + s.sscc() + ")", m, actor));
      if (booked) {
        payableLots++;
        farmers.add(harvest.farmerId());
        payable = payable.add(share);
        fees = fees.add(fee);
      }
    }
    Payment payment = new Payment(id, s.id(), s.orderId(), in.amount(), in.currency(), in.reference().trim(), day,
        actor, payableLots, farmers.size(), payable, fees, Instant.now(), 0);
    if (!store.insert(FinanceStore.PAYMENTS, id, payment)) {
      throw new DomainException(Kind.CONFLICT, "payment " + in.reference() + " is recorded already");
    }
    audit.record(t, actor, "payment.recorded", "shipment", s.id(), null, Map.of("payment", id, "amount",
        in.amount().toPlainString(), "lotsPayable", payableLots, "payable", payable.toPlainString()));
    return store.get(FinanceStore.PAYMENTS, id, Payment.class, "payment");
  }

  // ---- requests to pay (the provider collects from the buyer) ----

  /** Asks the buyer to pay for a shipment from their mobile money; the payment is recorded when they have. */
  public PaymentRequest requestPayment(Tenant t, Caller c, String shipmentId, BigDecimal amount, String currency,
      String payerMsisdn) {
    if (!c.mayRecordPayments()) {
      throw DomainException.forbidden("your role may not ask buyers to pay");
    }
    check(t, new PaymentInput(amount, currency, "request", null));
    if (payerMsisdn == null || !payerMsisdn.matches("\\+[1-9][0-9]{7,14}")) {
      throw DomainException.invalid("payerMsisdn", "must be E.164, e.g. +250788123456");
    }
    Shipment s = payable(t, shipmentId);
    Instant now = Instant.now();
    PaymentRequest asked = new PaymentRequest(java.util.UUID.randomUUID().toString(), s.id(), amount, currency,
        payerMsisdn, PaymentRequest.Status.REQUESTED, null, null, null, c.username(), now, now, 0);
    FinanceStore store = ledger.store(t);
    store.insert(FinanceStore.PAYMENT_REQUESTS, asked.id(), asked);
    PaymentRequest r = store.get(FinanceStore.PAYMENT_REQUESTS, asked.id(), PaymentRequest.class, "payment request");
    if (!rails.isResolvable()) {
      throw new DomainException(Kind.CONFLICT, "no payment routes run here");
    }
    PaymentRail.Answer a = rails.get().collect(t, new PaymentRail.Collection(r.id(), amount, currency, payerMsisdn,
        "Payment for shipment " + s.sscc()));
    PaymentRequest next = switch (a.submission()) {
      case ACCEPTED -> r.with(PaymentRequest.Status.SENT, null, null, null, Instant.now());
      case REJECTED -> r.with(PaymentRequest.Status.FAILED, a.reason(), null, null, Instant.now());
      case UNKNOWN -> r.with(PaymentRequest.Status.REQUESTED, a.reason(), null, null, Instant.now());
    };
    PaymentRequest saved = store.replace(FinanceStore.PAYMENT_REQUESTS, r.id(), next, r.version(),
        PaymentRequest.class).orElseGet(() -> store.get(FinanceStore.PAYMENT_REQUESTS, r.id(), PaymentRequest.class,
            "payment request"));
    audit.record(t, c.username(), "payment.requested", "shipment", s.id(), null, Map.of("request", r.id(),
        "amount", amount.toPlainString(), "status", saved.status().code()));
    return saved;
  }

  public List<PaymentRequest> paymentRequests(Tenant t, Caller c, String shipmentId) {
    if (!c.mayRecordPayments()) {
      throw DomainException.forbidden("your role may not read payments");
    }
    shipments.shipment(t, shipmentId);
    return ledger.store(t).list(FinanceStore.PAYMENT_REQUESTS, Where.eq("shipmentId", shipmentId),
        Where.Order.by("createdAt"), 0, 0, PaymentRequest.class);
  }

  /**
   * The provider's final word on a request to pay: paid books the buyer's payment (once: its reference is the
   * provider's transaction), failed is kept with the reason. A request already final is not changed.
   */
  public PayoutService.Applied collected(Tenant t, String requestId, boolean paid, String transactionId,
      String reason) {
    FinanceStore store = ledger.store(t);
    PaymentRequest r = store.find(FinanceStore.PAYMENT_REQUESTS, requestId, PaymentRequest.class).orElse(null);
    if (r == null) {
      return PayoutService.Applied.UNKNOWN;
    }
    if (r.status() == PaymentRequest.Status.PAID || r.status() == PaymentRequest.Status.FAILED) {
      boolean same = (r.status() == PaymentRequest.Status.PAID) == paid;
      return same ? PayoutService.Applied.ALREADY : PayoutService.Applied.CONFLICTING;
    }
    String paymentId = null;
    if (paid) {
      String reference = "momo-" + (transactionId == null || transactionId.isBlank() ? r.id() : transactionId);
      paymentId = Ids.derived("pay", r.shipmentId(), reference);
      if (!store.exists(FinanceStore.PAYMENTS, paymentId)) {
        book(t, "provider:" + r.id(), r.shipmentId(), new PaymentInput(r.amount(), r.currency(), reference, null));
      }
    }
    if (store.replace(FinanceStore.PAYMENT_REQUESTS, r.id(), r.with(paid ? PaymentRequest.Status.PAID
        : PaymentRequest.Status.FAILED, reason, transactionId, paymentId, Instant.now()), r.version(),
        PaymentRequest.class).isEmpty()) {
      return collected(t, requestId, paid, transactionId, reason); // changed meanwhile: look again
    }
    return PayoutService.Applied.APPLIED;
  }

  public List<Payment> payments(Tenant t, Caller c, String shipmentId) {
    if (!c.mayRecordPayments()) {
      throw DomainException.forbidden("your role may not read payments");
    }
    shipments.shipment(t, shipmentId);
    return ledger.store(t).list(FinanceStore.PAYMENTS, Where.eq("shipmentId", shipmentId), null, 0, 0,
        Payment.class);
  }

  /** The harvest lots a shipment's lots were made from (a harvest lot shipped as it is is its own). */
  private List<Lot> harvestLots(Tenant t, Shipment s) {
    Set<String> seen = new LinkedHashSet<>();
    List<Lot> out = new java.util.ArrayList<>();
    for (String id : s.lotIds()) {
      for (Lot l : lots.lineage(t, lots.lot(t, id))) {
        if (l.harvest() && seen.add(l.id())) {
          out.add(l);
        }
      }
    }
    return out;
  }

  static Map<String, BigDecimal> amounts(String a, BigDecimal x, String b, BigDecimal y) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    m.put(a, x);
    m.put(b, y);
    return m;
  }
}
