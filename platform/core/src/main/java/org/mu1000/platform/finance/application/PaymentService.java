package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
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

  protected PaymentService() {}

  @Inject
  public PaymentService(Ledger ledger, ShipmentService shipments, LotService lots, Registry registry,
      AuditTrail audit) {
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
    Shipment s = shipments.shipment(t, shipmentId);
    if (!"shipped".equals(s.status()) && !"delivered".equals(s.status())) {
      throw new DomainException(Kind.CONFLICT, "shipment " + s.sscc() + " is " + s.status() + "; a payment is for a"
          + " shipment that left");
    }
    String id = Ids.derived("pay", shipmentId, in.reference());
    FinanceStore store = ledger.store(t);
    if (store.exists(FinanceStore.PAYMENTS, id)) {
      throw new DomainException(Kind.CONFLICT, "payment " + in.reference() + " for shipment " + s.sscc()
          + " is recorded already");
    }
    LocalDate day = in.paidOn() == null ? LocalDate.now() : in.paidOn();
    ledger.book(t, ledger.entry(t, "payment:" + id, day, "payment", id, "payment " + in.reference() + " for "
        + s.sscc(), amounts(Accounts.CASH, in.amount(), Accounts.SALES, in.amount().negate()), c.username()));

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
              + harvest.grade() + " (shipment " + s.sscc() + ")", m, c.username()));
      if (booked) {
        payableLots++;
        farmers.add(harvest.farmerId());
        payable = payable.add(share);
        fees = fees.add(fee);
      }
    }
    Payment payment = new Payment(id, s.id(), s.orderId(), in.amount(), in.currency(), in.reference().trim(), day,
        c.username(), payableLots, farmers.size(), payable, fees, Instant.now(), 0);
    if (!store.insert(FinanceStore.PAYMENTS, id, payment)) {
      throw new DomainException(Kind.CONFLICT, "payment " + in.reference() + " is recorded already");
    }
    audit.record(t, c.username(), "payment.recorded", "shipment", s.id(), null, Map.of("payment", id, "amount",
        in.amount().toPlainString(), "lotsPayable", payableLots, "payable", payable.toPlainString()));
    return store.get(FinanceStore.PAYMENTS, id, Payment.class, "payment");
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
