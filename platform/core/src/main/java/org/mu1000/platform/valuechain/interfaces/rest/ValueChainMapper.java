package org.mu1000.platform.valuechain.interfaces.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.mu1000.api.model.Buyer;
import org.mu1000.api.model.Grade;
import org.mu1000.api.model.GradePricesInner;
import org.mu1000.api.model.GradeRulesInner;
import org.mu1000.api.model.GradingStandardMeasuresInner;
import org.mu1000.api.model.LotStatus;
import org.mu1000.api.model.Money;
import org.mu1000.api.model.OrderLine;
import org.mu1000.api.model.OrderStatus;
import org.mu1000.api.model.ProductionPlanLinesInner;
import org.mu1000.api.model.ProductionPlanLinesInnerCoopsInner;
import org.mu1000.api.model.ProductionPlanLinesInnerCoopsInnerFarmersInner;
import org.mu1000.api.model.QuotaProgress;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.IntakeService;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.application.TransformationService;
import org.mu1000.platform.valuechain.application.WarehouseService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.Warehouse;

/** The value chain's records as the contract's models: codes in lower case, amounts with their currency. */
public final class ValueChainMapper {
  private ValueChainMapper() {}

  static OffsetDateTime time(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  /** An amount in the tenant's currency, to the cent. */
  public static Money money(BigDecimal amount, Tenant t) {
    return new Money(amount.setScale(2, RoundingMode.HALF_EVEN), t.config().currency());
  }

  /** A lot with its GS1 identifiers and, for a graded harvest lot, its value at the reference price. */
  public static org.mu1000.api.model.Lot lot(Lot l, Tenant t, LotService lots) {
    org.mu1000.api.model.Lot a = new org.mu1000.api.model.Lot()
        .id(l.id()).code(l.code()).gtin(LotService.gtin(l.commodity())).lgtin(LotService.lgtin(l))
        .digitalLink(lots.digitalLink(l)).programmeId(l.programmeId()).commodity(l.commodity()).grade(l.grade())
        .standardVersion(l.standardVersion()).kg(l.kg()).measurements(l.measurements()).harvest(l.harvest())
        .farmerId(l.farmerId()).plotId(l.plotId()).cooperativeId(l.cooperativeId()).deliveryId(l.deliveryId())
        .harvestDate(l.harvestDate()).season(l.season()).status(LotStatus.fromValue(l.status().code()))
        .warehouseId(l.warehouseId()).orderId(l.orderId()).orderLineId(l.orderLineId()).shipmentId(l.shipmentId())
        .parents(l.parents()).version(l.version());
    lots.contribution(t, l).ifPresent(c -> a.value(money(c.local(), t)).valueUsd(Impact.cents(c.usd())));
    return a;
  }

  public static org.mu1000.api.model.LotPage lots(OrderService.Page<Lot> p, int page, int size,
      Function<Lot, org.mu1000.api.model.Lot> lot) {
    return new org.mu1000.api.model.LotPage().items(p.items().stream().map(lot).toList()).total(p.total())
        .page(page).size(size);
  }

  public static org.mu1000.api.model.Intake intake(IntakeService.Intake in, String receiptUrl,
      Function<Lot, org.mu1000.api.model.Lot> lot) {
    return new org.mu1000.api.model.Intake().deliveryId(in.delivery().id())
        .lots(in.lots().stream().map(lot).toList()).receiptText(in.receipt()).receiptUrl(receiptUrl);
  }

  public static org.mu1000.api.model.PurchaseOrder order(PurchaseOrder o, Tenant t) {
    BigDecimal total = BigDecimal.ZERO;
    List<OrderLine> lines = new java.util.ArrayList<>();
    for (PurchaseOrder.Line l : o.lines()) {
      lines.add(new OrderLine().id(l.id()).commodity(l.commodity()).grade(l.grade()).quantityKg(l.quantityKg())
          .pricePerKg(l.pricePerKg()).currency(t.config().currency()).deliveryFrom(l.deliveryFrom())
          .deliveryTo(l.deliveryTo()));
      total = total.add(l.quantityKg().multiply(l.pricePerKg()));
    }
    PurchaseOrder.Buyer b = o.buyer();
    return new org.mu1000.api.model.PurchaseOrder().id(o.id()).number(o.number()).programmeId(o.programmeId())
        .buyer(b == null ? null : new Buyer().name(b.name()).country(b.country()).export(b.export()).email(b.email()))
        .lines(lines).status(OrderStatus.fromValue(o.status().code())).total(money(total, t)).version(o.version());
  }

  public static org.mu1000.api.model.OrderPage orders(OrderService.Page<PurchaseOrder> p, int page, int size,
      Tenant t) {
    return new org.mu1000.api.model.OrderPage().items(p.items().stream().map(o -> order(o, t)).toList())
        .total(p.total()).page(page).size(size);
  }

  public static org.mu1000.api.model.GradingStandard standard(GradingStandard s) {
    return new org.mu1000.api.model.GradingStandard().programmeId(s.programmeId()).version(s.version())
        .commodity(s.commodity())
        .measures(s.measures().stream().map(m -> new GradingStandardMeasuresInner().key(m.key()).label(m.label())
            .unit(m.unit())).toList())
        .grades(s.grades().stream().map(g -> new Grade().code(g.code()).name(g.name())
            .rules(g.rules().stream().map(r -> new GradeRulesInner().measure(r.measure())
                .op(GradeRulesInner.OpEnum.fromValue(r.op().symbol())).value(r.value())).toList())
            .prices(g.prices().stream().map(p -> new GradePricesInner().validFrom(p.validFrom()).validTo(p.validTo())
                .perKg(p.perKg())).toList())).toList())
        .createdAt(time(s.createdAt())).createdBy(s.createdBy());
  }

  public static org.mu1000.api.model.ProductionPlan plan(ProductionPlan p) {
    return new org.mu1000.api.model.ProductionPlan().orderId(p.orderId()).yieldKgPerMu(p.yieldKgPerMu())
        .version(p.version())
        .lines(p.lines().stream().map(l -> new ProductionPlanLinesInner().lineId(l.lineId()).commodity(l.commodity())
            .grade(l.grade()).quantityKg(l.quantityKg())
            .coops(l.coops().stream().map(c -> new ProductionPlanLinesInnerCoopsInner()
                .cooperativeId(c.cooperativeId()).quotaKg(c.quotaKg())
                .farmers(c.farmers().stream().map(f -> new ProductionPlanLinesInnerCoopsInnerFarmersInner()
                    .farmerId(f.farmerId()).quotaKg(f.quotaKg()).capacityKg(f.capacityKg()).fixed(f.fixed()))
                    .toList())).toList())).toList());
  }

  public static org.mu1000.api.model.FarmerQuota quota(OrderService.FarmerQuota q) {
    return new org.mu1000.api.model.FarmerQuota().orderId(q.orderId()).orderNumber(q.orderNumber()).buyer(q.buyer())
        .lineId(q.lineId()).commodity(q.commodity()).grade(q.grade()).deliveryFrom(q.deliveryFrom())
        .deliveryTo(q.deliveryTo()).quotaKg(q.quotaKg()).deliveredKg(q.deliveredKg());
  }

  public static org.mu1000.api.model.OrderProgress progress(OrderService.OrderProgress p) {
    return new org.mu1000.api.model.OrderProgress().orderId(p.orderId()).quotaKg(p.quotaKg())
        .deliveredKg(p.deliveredKg()).lines(progress(p.lines())).cooperatives(progress(p.cooperatives()))
        .farmers(progress(p.farmers()));
  }

  private static List<QuotaProgress> progress(List<OrderService.Progress> rows) {
    return rows.stream().map(r -> new QuotaProgress().lineId(r.lineId()).cooperativeId(r.cooperativeId())
        .farmerId(r.farmerId()).quotaKg(r.quotaKg()).deliveredKg(r.deliveredKg())).toList();
  }

  public static org.mu1000.api.model.Warehouse warehouse(Warehouse w) {
    return new org.mu1000.api.model.Warehouse().id(w.id()).name(w.name()).cooperativeId(w.cooperativeId())
        .district(w.district()).region(w.region()).latitude(w.latitude()).longitude(w.longitude())
        .version(w.version());
  }

  public static org.mu1000.api.model.StockLine stock(WarehouseService.StockLine s) {
    return new org.mu1000.api.model.StockLine().warehouseId(s.warehouseId()).commodity(s.commodity())
        .grade(s.grade()).kg(s.kg()).lots(s.lots());
  }

  public static org.mu1000.api.model.Transformation transformation(TransformationService.Transformed r,
      Function<Lot, org.mu1000.api.model.Lot> lot) {
    var x = r.transformation();
    return new org.mu1000.api.model.Transformation().id(x.id()).kind(x.kind()).warehouseId(x.warehouseId())
        .inputLotIds(x.inputLotIds()).inputKg(x.inputKg()).outputs(r.outputs().stream().map(lot).toList())
        .outputKg(x.outputKg()).lossKg(x.lossKg())
        .conversionRatio(x.outputKg().divide(x.inputKg(), 4, RoundingMode.HALF_EVEN));
  }

  public static org.mu1000.api.model.Shipment shipment(Shipment s) {
    return new org.mu1000.api.model.Shipment().id(s.id()).orderId(s.orderId()).sscc(s.sscc()).lotIds(s.lotIds())
        .destination(s.destination()).status(org.mu1000.api.model.Shipment.StatusEnum.fromValue(s.status()))
        .shippedAt(time(s.shippedAt())).deliveredAt(time(s.deliveredAt())).receivedBy(s.receivedBy())
        .version(s.version());
  }
}
