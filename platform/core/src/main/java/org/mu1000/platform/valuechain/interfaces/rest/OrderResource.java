package org.mu1000.platform.valuechain.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.mu1000.api.OrdersApi;
import org.mu1000.api.ShipmentsApi;
import org.mu1000.api.model.LotIds;
import org.mu1000.api.model.OrderStatus;
import org.mu1000.api.model.OrderStatusChange;
import org.mu1000.api.model.PlanRequest;
import org.mu1000.api.model.QuotaAdjustment;
import org.mu1000.api.model.ShipmentRequest;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.application.ShipmentService;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;

@RequestScoped
public class OrderResource implements OrdersApi, ShipmentsApi {
  private OrderService orders;
  private LotService lots;
  private ShipmentService shipments;
  private TenantContext ctx;

  protected OrderResource() {}

  @Inject
  public OrderResource(OrderService orders, LotService lots, ShipmentService shipments, TenantContext ctx) {
    this.orders = orders;
    this.lots = lots;
    this.shipments = shipments;
    this.ctx = ctx;
  }

  private Response order(PurchaseOrder o, int status) {
    return Response.status(status).entity(ValueChainMapper.order(o, ctx.tenant()))
        .tag(new jakarta.ws.rs.core.EntityTag(Long.toString(o.version()))).build();
  }

  /** The order as the domain's input: what the client may set (status, total and version are the server's). */
  private static PurchaseOrder input(org.mu1000.api.model.PurchaseOrder in) {
    var b = in.getBuyer();
    List<PurchaseOrder.Line> lines = in.getLines() == null ? null : in.getLines().stream()
        .map(l -> l == null ? null : new PurchaseOrder.Line(l.getId(), l.getCommodity(), l.getGrade(),
            l.getQuantityKg(), l.getPricePerKg(), l.getDeliveryFrom(), l.getDeliveryTo()))
        .toList();
    return new PurchaseOrder(in.getId(), in.getNumber(), in.getProgrammeId(), b == null ? null
        : new PurchaseOrder.Buyer(b.getName(), b.getCountry(), Boolean.TRUE.equals(b.getExport()), b.getEmail()),
        lines, null, null, null, 0);
  }

  @Override
  public Response createOrder(String tenant, org.mu1000.api.model.PurchaseOrder in, String idempotencyKey) {
    return order(orders.create(ctx.tenant(), ctx.caller(), input(in)), 201);
  }

  @Override
  public Response getOrder(String tenant, String id) {
    return order(orders.get(ctx.tenant(), ctx.caller(), id), 200);
  }

  @Override
  public Response updateOrder(String tenant, String id, org.mu1000.api.model.PurchaseOrder in, String ifMatch) {
    return order(orders.update(ctx.tenant(), ctx.caller(), id, input(in),
        Http.expectedVersion(ifMatch, in.getVersion())), 200);
  }

  @Override
  public Response changeOrderStatus(String tenant, String id, OrderStatusChange in, String ifMatch,
      String idempotencyKey) {
    PurchaseOrder.Status s = PurchaseOrder.Status.of(in.getStatus().toString());
    if (s == null || s == PurchaseOrder.Status.DRAFT) {
      throw DomainException.invalid("status", "must be confirmed, in-delivery, fulfilled or cancelled");
    }
    return order(orders.transition(ctx.tenant(), ctx.caller(), id, s, Http.expectedVersion(ifMatch, null)), 200);
  }

  @Override
  public Response listOrders(String tenant, Integer page, Integer size, OrderStatus status, String programmeId) {
    var p = orders.list(ctx.tenant(), ctx.caller(), status == null ? null
        : PurchaseOrder.Status.of(status.toString()), programmeId, Http.page(page), Http.size(size));
    return Response.ok(ValueChainMapper.orders(p, Http.page(page), Http.size(size), ctx.tenant())).build();
  }

  @Override
  public Response drawProductionPlan(String tenant, String id, PlanRequest in, String idempotencyKey) {
    var p = orders.plan(ctx.tenant(), ctx.caller(), id, in.getYieldKgPerMu());
    return Http.created("tenants/" + tenant + "/orders/" + id + "/plan", ValueChainMapper.plan(p), p.version());
  }

  @Override
  public Response getProductionPlan(String tenant, String id) {
    var p = orders.plan(ctx.tenant(), ctx.caller(), id);
    return Http.ok(ValueChainMapper.plan(p), p.version());
  }

  @Override
  public Response adjustQuotas(String tenant, String id, String line, String coop, QuotaAdjustment in,
      String ifMatch) {
    Map<String, BigDecimal> quotas = in.getQuotas() == null ? Map.of() : in.getQuotas();
    var p = orders.adjust(ctx.tenant(), ctx.caller(), id, line, coop, quotas,
        Http.expectedVersion(ifMatch, null));
    return Http.ok(ValueChainMapper.plan(p), p.version());
  }

  @Override
  public Response listFarmerQuotas(String tenant, String id) {
    return Response.ok(orders.quotasOf(ctx.tenant(), ctx.caller(), id).stream().map(ValueChainMapper::quota)
        .toList()).build();
  }

  @Override
  public Response getOrderProgress(String tenant, String id) {
    return Response.ok(ValueChainMapper.progress(orders.summary(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response allocateLots(String tenant, String id, String line, LotIds in, String idempotencyKey) {
    return Response.ok(shipments.allocate(ctx.tenant(), ctx.caller(), id, line, in.getLotIds()).stream()
        .map(l -> ValueChainMapper.lot(l, ctx.tenant(), lots)).toList()).build();
  }

  @Override
  public Response listShipments(String tenant, String id) {
    return Response.ok(shipments.shipments(ctx.tenant(), ctx.caller(), id).stream()
        .map(ValueChainMapper::shipment).toList()).build();
  }

  @Override
  public Response shipLots(String tenant, String id, ShipmentRequest in, String idempotencyKey) {
    var s = shipments.ship(ctx.tenant(), ctx.caller(), id, in.getLotIds(), in.getDestination());
    return Http.created("tenants/" + tenant + "/shipments/" + s.id(), ValueChainMapper.shipment(s), s.version());
  }

  @Override
  public Response confirmDelivery(String tenant, String id, String ifMatch, String idempotencyKey) {
    var s = shipments.confirmDelivery(ctx.tenant(), ctx.caller(), id, Http.expectedVersion(ifMatch, null));
    return Http.ok(ValueChainMapper.shipment(s), s.version());
  }
}
