package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.application.ImpactService;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.traceability.domain.Gs1;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.ValueChainStore;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * Lots allocated to an order line, shipped under an SSCC, and the buyer's confirmation that they arrived.
 */
@ApplicationScoped
public class ShipmentService {
  private ValueChain chain;
  private OrderService orders;
  private TraceService trace;
  private ImpactService impact;
  private LotService lotService;

  protected ShipmentService() {}

  @Inject
  public ShipmentService(ValueChain chain, OrderService orders, TraceService trace, ImpactService impact,
      LotService lotService) {
    this.chain = chain;
    this.orders = orders;
    this.trace = trace;
    this.impact = impact;
    this.lotService = lotService;
  }

  public List<Lot> allocate(Tenant t, Caller c, String orderId, String lineId, List<String> lotIds) {
    ValueChain.require(c.mayHandleLots() && (c.mayAdministerTenant() || c.has(Caller.COOP_MANAGER)
        || c.has(Caller.API_CLIENT)), "your role may not allocate lots to orders");
    PurchaseOrder o = orders.get(t, c, orderId);
    if (o.status() != PurchaseOrder.Status.CONFIRMED && o.status() != PurchaseOrder.Status.IN_DELIVERY) {
      throw new DomainException(Kind.CONFLICT, "order " + o.number() + " is " + o.status().code()
          + ": lots can only be allocated to confirmed orders");
    }
    PurchaseOrder.Line line = o.line(lineId);
    List<Lot> lots = lotService.load(t, c, lotIds, "lotIds");
    Violations v = new Violations();
    BigDecimal already = chain.store(t).list(ValueChainStore.LOTS, Where.all(Where.eq("orderId", orderId),
        Where.eq("orderLineId", lineId)), null, 0, 0, Lot.class).stream().map(Lot::kg)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal adding = BigDecimal.ZERO;
    for (int i = 0; i < lots.size(); i++) {
      Lot l = lots.get(i);
      String at = "lotIds[" + i + "]";
      v.require(l.status() == Status.STORED, at, "lot " + l.code() + " is " + l.status().code()
          + ": only lots in a warehouse can be allocated");
      v.require(l.orderId() == null, at, "lot " + l.code() + " is already allocated to an order");
      v.require(l.commodity().equals(line.commodity()) && l.grade().equals(line.grade()), at,
          "lot " + l.code() + " is " + l.commodity() + " grade " + l.grade() + "; the line wants " + line.commodity()
              + " grade " + line.grade());
      v.require(l.programmeId().equals(o.programmeId()), at, "lot " + l.code() + " is of another programme");
      adding = adding.add(l.kg());
    }
    v.require(already.add(adding).compareTo(line.quantityKg()) <= 0, "lotIds", "would allocate "
        + already.add(adding).toPlainString() + " kg to a line of " + line.quantityKg().toPlainString() + " kg");
    v.throwIfAny();
    List<Lot> out = new ArrayList<>();
    for (Lot l : lots) {
      Lot saved = lotService.save(t, l.with(l.status(), l.warehouseId(), orderId, lineId, null, l.kg(), l.grade(),
          l.measurements(), Instant.now()), l.version());
      trace.record(t, lotService.objectEvent("OBSERVE", "reserving", "reserved", List.of(saved), null, l.warehouseId(),
          o),
          List.of(l.id()));
      impact.changed(t, lotService.contribution(t, l), lotService.contribution(t, saved));
      out.add(saved);
    }
    chain.audit(t, c, "lots.allocated", "order", orderId, null, Map.of("line", lineId, "lots", lotIds));
    return out;
  }

  public Shipment ship(Tenant t, Caller c, String orderId, List<String> lotIds, String destination) {
    ValueChain.require(c.mayHandleLots() && (c.mayAdministerTenant() || c.has(Caller.COOP_MANAGER)
        || c.has(Caller.API_CLIENT)), "your role may not ship lots");
    PurchaseOrder o = orders.get(t, c, orderId);
    List<Lot> lots = lotService.load(t, c, lotIds, "lotIds");
    Violations v = new Violations();
    v.require(destination != null && !destination.isBlank(), "destination", "is required");
    for (int i = 0; i < lots.size(); i++) {
      Lot l = lots.get(i);
      v.require(orderId.equals(l.orderId()), "lotIds[" + i + "]", "lot " + l.code() + " is not allocated to order "
          + o.number());
      v.require(l.status() == Status.STORED, "lotIds[" + i + "]", "lot " + l.code() + " is " + l.status().code());
    }
    v.throwIfAny();
    String id = Ids.next("sh");
    String sscc = sscc();
    Instant now = Instant.now();
    Shipment s = new Shipment(id, orderId, sscc, lotIds, destination.trim(), "shipped", now, null, null, 0);
    chain.store(t).insert(ValueChainStore.SHIPMENTS, id, s);
    List<Lot> shipped = new ArrayList<>();
    for (Lot l : lots) {
      shipped.add(lotService.save(t, l.with(Status.SHIPPED, l.warehouseId(), l.orderId(), l.orderLineId(), id, l.kg(),
          l.grade(), l.measurements(), now), l.version()));
    }
    String from = lots.get(0).warehouseId();
    Warehouse w = from == null ? null : lotService.warehouse(t, from);
    String place = w == null ? "origin" : w.name();
    Map<String, Object> pack = new LinkedHashMap<>();
    pack.put("type", "AggregationEvent");
    pack.put("parentID", "urn:epc:id:sscc:" + LotService.COMPANY_PREFIX + "." + sscc.substring(0, 1)
        + sscc.substring(8, 17));
    pack.put("childQuantityList", LotService.quantities(shipped));
    pack.put("action", "ADD");
    pack.put("bizStep", "packing");
    pack.put("disposition", "in_progress");
    LotService.where(pack, place, from);
    pack.put("bizTransactionList", List.of(LotService.po(t, o)));
    trace.record(t, pack, lotIds);
    Map<String, Object> go = lotService.objectEvent("OBSERVE", "shipping", "in_transit", shipped, place, from, o);
    go.put("destinationList", List.of(Map.of("type", "location", "destination", "urn:mu1000:destination:"
        + java.net.URLEncoder.encode(destination.trim(), java.nio.charset.StandardCharsets.UTF_8))));
    trace.record(t, go, lotIds);
    if (o.status() == PurchaseOrder.Status.CONFIRMED) {
      orders.advance(t, c, o, PurchaseOrder.Status.IN_DELIVERY);
    }
    Shipment saved = shipment(t, id);
    chain.audit(t, c, "shipment.sent", "shipment", id, null, saved);
    return saved;
  }

  public Shipment shipment(Tenant t, String id) {
    return chain.store(t).get(ValueChainStore.SHIPMENTS, id, Shipment.class, "shipment");
  }

  public List<Shipment> shipments(Tenant t, Caller c, String orderId) {
    orders.get(t, c, orderId);
    return chain.store(t).list(ValueChainStore.SHIPMENTS, Where.eq("orderId", orderId), null, 0, 0,
        Shipment.class);
  }

  /** The buyer confirms the shipment arrived; when every line is delivered in full, the order is fulfilled. */
  public Shipment confirmDelivery(Tenant t, Caller c, String shipmentId, long expected) {
    ValueChain.require(c.mayConfirmDelivery(), "only the buyer (or a tenant admin) confirms a delivery");
    Shipment s = shipment(t, shipmentId);
    PurchaseOrder o = orders.get(t, c, s.orderId());
    if (!"shipped".equals(s.status())) {
      throw new DomainException(Kind.CONFLICT, "shipment " + s.sscc() + " was already confirmed");
    }
    Instant now = Instant.now();
    Shipment next = new Shipment(s.id(), s.orderId(), s.sscc(), s.lotIds(), s.destination(), "delivered",
        s.shippedAt(), now, c.username(), expected);
    Shipment saved = chain.store(t).replace(ValueChainStore.SHIPMENTS, s.id(), next, expected, Shipment.class)
        .orElseThrow(() -> Registry.stale("shipment", shipmentId));
    List<Lot> lots = new ArrayList<>();
    for (String id : s.lotIds()) {
      Lot l = lotService.lot(t, id);
      lots.add(lotService.save(t, l.moved(Status.DELIVERED, l.warehouseId(), now), l.version()));
    }
    Map<String, Object> e = lotService.objectEvent("OBSERVE", "receiving", "in_progress", lots, o.buyer().name(), null,
        o);
    e.put("bizLocation", Map.of("id", "urn:mu1000:buyer:" + java.net.URLEncoder.encode(o.buyer().name(),
        java.nio.charset.StandardCharsets.UTF_8)));
    trace.record(t, e, s.lotIds());
    boolean complete = true;
    for (PurchaseOrder.Line line : o.lines()) {
      BigDecimal delivered = chain.store(t).list(ValueChainStore.LOTS, Where.all(Where.eq("orderId", o.id()),
          Where.eq("orderLineId", line.id()), Where.eq("status", Status.DELIVERED.name())), null, 0, 0,
          Lot.class).stream().map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add);
      complete &= delivered.compareTo(line.quantityKg()) >= 0;
    }
    if (complete) {
      orders.advance(t, c, o, PurchaseOrder.Status.FULFILLED);
    }
    chain.audit(t, c, "shipment.delivered", "shipment", s.id(), s, saved);
    return saved;
  }

  /** An SSCC-18: extension digit, company prefix, serial, check digit. */
  private static String sscc() {
    String serial = String.format("%09d", Math.floorMod(LotService.RANDOM.nextLong(), 1_000_000_000L));
    String body = "0" + LotService.COMPANY_PREFIX + serial;
    return body + Gs1.checkDigit(body);
  }
}
