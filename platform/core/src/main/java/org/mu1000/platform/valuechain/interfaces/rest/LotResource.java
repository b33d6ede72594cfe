package org.mu1000.platform.valuechain.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mu1000.api.LotsApi;
import org.mu1000.api.WarehousesApi;
import org.mu1000.api.model.IntakeRequest;
import org.mu1000.api.model.LotCorrection;
import org.mu1000.api.model.LotIds;
import org.mu1000.api.model.LotStatus;
import org.mu1000.api.model.TransformationRequest;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.valuechain.application.IntakeService;
import org.mu1000.platform.valuechain.application.LotCorrections;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.TransformationService;
import org.mu1000.platform.valuechain.application.WarehouseService;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.Warehouse;

@RequestScoped
public class LotResource implements LotsApi, WarehousesApi {
  private LotService lots;
  private IntakeService intakes;
  private LotCorrections corrections;
  private WarehouseService warehouses;
  private TransformationService transformations;
  private TenantContext ctx;

  protected LotResource() {}

  @Inject
  public LotResource(LotService lots, IntakeService intakes, LotCorrections corrections, WarehouseService warehouses,
      TransformationService transformations, TenantContext ctx) {
    this.lots = lots;
    this.intakes = intakes;
    this.corrections = corrections;
    this.warehouses = warehouses;
    this.transformations = transformations;
    this.ctx = ctx;
  }

  private org.mu1000.api.model.Lot view(Lot l) {
    return ValueChainMapper.lot(l, ctx.tenant(), lots);
  }

  @Override
  public Response recordIntake(String tenant, IntakeRequest in, String idempotencyKey) {
    var intake = intakes.intake(ctx.tenant(), ctx.caller(), input(in));
    String receipt = "tenants/" + tenant + "/deliveries/" + intake.delivery().id() + "/receipt";
    return Response.created(java.net.URI.create(receipt))
        .entity(ValueChainMapper.intake(intake, "/api/v1/" + receipt, this::view)).build();
  }

  /** The request as the domain's input, field by field (the generic conversion was 5 % of an intake's own time). */
  static IntakeService.IntakeInput input(IntakeRequest in) {
    List<IntakeService.Part> parts = in.getLots() == null ? null : in.getLots().stream()
        .map(l -> l == null ? new IntakeService.Part(null, null)
            : new IntakeService.Part(l.getKg(), l.getMeasurements()))
        .toList();
    return new IntakeService.IntakeInput(in.getFarmerId(), in.getPlotId(), in.getProgrammeId(), in.getHarvestDate(),
        in.getGrossKg(), in.getCollectionPoint(), parts);
  }

  @Override
  public Response getReceipt(String tenant, String id) {
    return Response.ok(intakes.receiptPdf(ctx.tenant(), ctx.caller(), id), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"receipt-" + id + ".pdf\"").build();
  }

  @Override
  public Response getLot(String tenant, String id) {
    Lot l = lots.get(ctx.tenant(), ctx.caller(), id);
    return Http.ok(view(l), l.version());
  }

  @Override
  public Response listLots(String tenant, Integer page, Integer size, String farmerId, String cooperativeId,
      String warehouseId, LotStatus status, String orderId, String code) {
    var p = lots.list(ctx.tenant(), ctx.caller(), new LotService.LotFilter(farmerId, cooperativeId, warehouseId,
        status == null ? null : Lot.Status.of(status.toString()), orderId, code), Http.page(page), Http.size(size));
    return Response.ok(ValueChainMapper.lots(p, Http.page(page), Http.size(size), this::view)).build();
  }

  @Override
  public Response correctLot(String tenant, String id, LotCorrection in, String ifMatch, String idempotencyKey) {
    Lot l = corrections.correct(ctx.tenant(), ctx.caller(), id, Views.as(in, LotCorrections.Correction.class),
        Http.expectedVersion(ifMatch, null));
    return Http.ok(view(l), l.version());
  }

  @Override
  public Response createWarehouse(String tenant, org.mu1000.api.model.Warehouse in, String idempotencyKey) {
    Warehouse w = warehouses.createWarehouse(ctx.tenant(), ctx.caller(), new Warehouse(in.getId(), in.getName(),
        in.getCooperativeId(), in.getDistrict(), in.getRegion(), in.getLatitude(), in.getLongitude(), 0));
    return Http.created("tenants/" + tenant + "/warehouses/" + w.id(), ValueChainMapper.warehouse(w), w.version());
  }

  @Override
  public Response listWarehouses(String tenant) {
    return Response.ok(warehouses.warehouses(ctx.tenant(), ctx.caller()).stream().map(ValueChainMapper::warehouse)
        .toList()).build();
  }

  @Override
  public Response receiveLots(String tenant, String id, LotIds in, String idempotencyKey) {
    return Response.ok(warehouses.receive(ctx.tenant(), ctx.caller(), id, in.getLotIds()).stream().map(this::view)
        .toList()).build();
  }

  @Override
  public Response getStock(String tenant, String warehouseId) {
    return Response.ok(warehouses.stock(ctx.tenant(), ctx.caller(), warehouseId).stream()
        .map(ValueChainMapper::stock).toList()).build();
  }

  @Override
  public Response transformLots(String tenant, TransformationRequest in, String idempotencyKey) {
    var r = transformations.transform(ctx.tenant(), ctx.caller(),
        Views.as(in, TransformationService.TransformInput.class));
    return Http.created("tenants/" + tenant + "/transformations/" + r.transformation().id(),
        ValueChainMapper.transformation(r, this::view), r.transformation().version());
  }
}
