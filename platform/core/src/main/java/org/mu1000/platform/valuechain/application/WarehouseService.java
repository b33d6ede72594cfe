package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ValueChainStore;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * Origin warehouses: lots received into store, and the stock by commodity and grade.
 */
@ApplicationScoped
public class WarehouseService {
  private ValueChain chain;
  private TraceService trace;
  private LotService lotService;

  protected WarehouseService() {}

  @Inject
  public WarehouseService(ValueChain chain, TraceService trace, LotService lotService) {
    this.chain = chain;
    this.trace = trace;
    this.lotService = lotService;
  }

  public Warehouse createWarehouse(Tenant t, Caller c, Warehouse in) {
    ValueChain.require(c.mayAdministerTenant() || c.has(Caller.COOP_MANAGER), "your role may not add warehouses");
    in.validate();
    if (in.cooperativeId() != null) {
      chain.registry(t).cooperative(in.cooperativeId())
          .orElseThrow(() -> DomainException.invalid("cooperativeId", "no cooperative " + in.cooperativeId()));
      ValueChain.require(c.maySeeCoop(in.cooperativeId()), "you may only add your own cooperative's warehouses");
    }
    String id = Ids.next("wh");
    Warehouse w = new Warehouse(id, in.name().trim(), in.cooperativeId(), in.district(), in.region(), in.latitude(),
        in.longitude(), 0);
    chain.store(t).insert(ValueChainStore.WAREHOUSES, id, w);
    Warehouse saved = lotService.warehouse(t, id);
    chain.audit(t, c, "warehouse.created", "warehouse", id, null, saved);
    return saved;
  }

  public List<Warehouse> warehouses(Tenant t, Caller c) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read warehouses");
    return chain.store(t).list(ValueChainStore.WAREHOUSES, null, Where.Order.by("name"), 0, 0, Warehouse.class)
        .stream().filter(w -> w.cooperativeId() == null || c.maySeeCoop(w.cooperativeId())).toList();
  }

  /** Lots arrive at a warehouse (from the collection point, or moved from another warehouse). */
  public List<Lot> receive(Tenant t, Caller c, String warehouseId, List<String> lotIds) {
    ValueChain.require(c.mayHandleLots(), "your role may not move stock");
    Warehouse w = lotService.warehouse(t, warehouseId);
    List<Lot> lots = lotService.load(t, c, lotIds, "lotIds");
    Violations v = new Violations();
    for (int i = 0; i < lots.size(); i++) {
      Lot l = lots.get(i);
      v.require(l.status() == Status.COLLECTED || l.status() == Status.STORED, "lotIds[" + i + "]",
          "lot " + l.code() + " is " + l.status().code() + " and cannot be received");
      v.require(!warehouseId.equals(l.warehouseId()), "lotIds[" + i + "]", "lot " + l.code() + " is already there");
    }
    v.throwIfAny();
    List<Lot> out = new ArrayList<>();
    for (Lot l : lots) {
      Lot saved = lotService.save(t, l.moved(Status.STORED, warehouseId, Instant.now()), l.version());
      trace.record(t, lotService.objectEvent("OBSERVE", "receiving", "in_progress", List.of(saved), w.name(),
          warehouseId,
          null), List.of(l.id()));
      out.add(saved);
    }
    chain.audit(t, c, "lots.received", "warehouse", warehouseId, null, Map.of("lots", lotIds));
    return out;
  }

  public record StockLine(String warehouseId, String commodity, String grade, BigDecimal kg, int lots) {}

  public List<StockLine> stock(Tenant t, Caller c, String warehouseId) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read stock");
    Where f = Where.eq("status", Status.STORED.name());
    if (warehouseId != null) {
      f = Where.all(f, Where.eq("warehouseId", warehouseId));
    }
    Map<String, StockLine> lines = new TreeMap<>();
    for (Lot l : chain.store(t).list(ValueChainStore.LOTS, f, null, 0, 0, Lot.class)) {
      if (l.cooperativeId() != null && !c.maySeeCoop(l.cooperativeId())) {
        continue;
      }
      String key = l.warehouseId() + "|" + l.commodity() + "|" + l.grade();
      StockLine s = lines.get(key);
      lines.put(key, s == null ? new StockLine(l.warehouseId(), l.commodity(), l.grade(), l.kg(), 1)
          : new StockLine(s.warehouseId(), s.commodity(), s.grade(), s.kg().add(l.kg()), s.lots() + 1));
    }
    return List.copyOf(lines.values());
  }
}
