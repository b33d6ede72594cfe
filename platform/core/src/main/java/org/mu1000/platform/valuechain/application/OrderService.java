package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository.FarmerFilter;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ProductionPlan.Grower;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder.Status;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** Buyers' orders and the production plans that turn them into quotas per farmer ("produce to the order"). */
@ApplicationScoped
public class OrderService {
  private ValueChain chain;
  private GradingService grading;

  protected OrderService() {}

  @Inject
  public OrderService(ValueChain chain, GradingService grading) {
    this.chain = chain;
    this.grading = grading;
  }

  public record Page<T>(List<T> items, long total) {}

  public PurchaseOrder create(Tenant t, Caller c, PurchaseOrder input) {
    ValueChain.require(c.mayTrade(), "your role may not place orders");
    chain.registry(t).programme(input.programmeId())
        .orElseThrow(() -> DomainException.invalid("programmeId", "no programme " + input.programmeId()));
    Instant now = Instant.now();
    PurchaseOrder o = new PurchaseOrder(Ids.next("po"), input.number(), input.programmeId(), input.buyer(),
        withLineIds(input.lines()), Status.DRAFT, now, now, 0, c.subject());
    o.validate(grading.current(t, o.programmeId()).orElse(null));
    if (!chain.store(t).list(ValueChainStore.ORDERS, Where.eq("number", o.number()), null, 0, 1,
        PurchaseOrder.class).isEmpty()) {
      throw DomainException.invalid("number", "order " + o.number() + " exists already");
    }
    chain.store(t).insert(ValueChainStore.ORDERS, o.id(), o);
    PurchaseOrder saved = get(t, c, o.id());
    chain.audit(t, c, "order.created", "order", o.id(), null, saved);
    return saved;
  }

  /** Drafts may be changed freely; a confirmed order is what the farmers plan on, so it is not changed. */
  public PurchaseOrder update(Tenant t, Caller c, String id, PurchaseOrder input, long expected) {
    ValueChain.require(c.mayTrade(), "your role may not change orders");
    PurchaseOrder current = get(t, c, id);
    if (current.status() != Status.DRAFT) {
      throw new DomainException(DomainException.Kind.CONFLICT,
          "order " + current.number() + " is " + current.status().code() + ": only drafts can be changed");
    }
    PurchaseOrder next = new PurchaseOrder(id, input.number(), current.programmeId(), input.buyer(),
        withLineIds(input.lines()), Status.DRAFT, current.createdAt(), Instant.now(), expected, current.placedBy());
    next.validate(grading.current(t, next.programmeId()).orElse(null));
    PurchaseOrder saved = chain.store(t).replace(ValueChainStore.ORDERS, id, next, expected, PurchaseOrder.class)
        .orElseThrow(() -> Registry.stale("order", id));
    chain.audit(t, c, "order.updated", "order", id, current, saved);
    return saved;
  }

  public PurchaseOrder transition(Tenant t, Caller c, String id, Status next, long expected) {
    ValueChain.require(c.mayTrade(), "your role may not change orders");
    PurchaseOrder current = get(t, c, id);
    PurchaseOrder moved = current.moveTo(next, Instant.now());
    PurchaseOrder saved = chain.store(t).replace(ValueChainStore.ORDERS, id, moved, expected, PurchaseOrder.class)
        .orElseThrow(() -> Registry.stale("order", id));
    chain.audit(t, c, "order." + next.code(), "order", id, current, saved);
    return saved;
  }

  /** Used by shipping: the first shipment puts an order in delivery, the last delivery fulfils it. */
  PurchaseOrder advance(Tenant t, Caller c, PurchaseOrder o, Status next) {
    for (int attempt = 0; attempt < 3; attempt++) {
      PurchaseOrder cur = chain.store(t).find(ValueChainStore.ORDERS, o.id(), PurchaseOrder.class).orElseThrow();
      if (cur.status() == next) {
        return cur;
      }
      var saved = chain.store(t).replace(ValueChainStore.ORDERS, o.id(), cur.moveTo(next, Instant.now()),
          cur.version(), PurchaseOrder.class);
      if (saved.isPresent()) {
        chain.audit(t, c, "order." + next.code(), "order", o.id(), cur, saved.get());
        return saved.get();
      }
    }
    throw Registry.stale("order", o.id());
  }

  public PurchaseOrder get(Tenant t, Caller c, String id) {
    ValueChain.require(c.mayReadOrders(), "your role may not read orders");
    return chain.store(t).find(ValueChainStore.ORDERS, id, PurchaseOrder.class)
        .filter(o -> !c.isBuyerOnly() || c.subject().equals(o.placedBy()))
        .orElseThrow(() -> DomainException.notFound("order", id));
  }

  /** The ids of the orders a buyer placed (lots they may see are the ones allocated to these). */
  public List<String> placedBy(Tenant t, Caller c) {
    return chain.store(t).list(ValueChainStore.ORDERS, Where.eq("placedBy", c.subject()), null, 0, 10_000,
        PurchaseOrder.class).stream().map(PurchaseOrder::id).toList();
  }

  public Page<PurchaseOrder> list(Tenant t, Caller c, Status status, String programmeId, int page, int size) {
    ValueChain.require(c.mayReadOrders(), "your role may not read orders");
    List<Where> f = new ArrayList<>();
    if (status != null) {
      f.add(Where.eq("status", status.name()));
    }
    if (programmeId != null) {
      f.add(Where.eq("programmeId", programmeId));
    }
    if (c.isBuyerOnly()) {
      f.add(Where.eq("placedBy", c.subject()));
    }
    Where filter = f.isEmpty() ? null : Where.all(f);
    var store = chain.store(t);
    return new Page<>(store.list(ValueChainStore.ORDERS, filter, Where.Order.NEWEST_FIRST, Pages.skip(page, size),
        size, PurchaseOrder.class), store.count(ValueChainStore.ORDERS, filter));
  }

  /** Plans (or re-plans) a confirmed order over the programme's farmers, by enrolled area × expected yield. */
  public ProductionPlan plan(Tenant t, Caller c, String orderId, BigDecimal yieldKgPerMu) {
    ValueChain.require(c.mayAdministerTenant(), "only tenant admins draw up production plans");
    PurchaseOrder o = get(t, c, orderId);
    if (o.status() != Status.CONFIRMED && o.status() != Status.IN_DELIVERY) {
      throw new DomainException(DomainException.Kind.CONFLICT,
          "order " + o.number() + " is " + o.status().code() + ": confirm it before planning production");
    }
    ProductionPlan plan = ProductionPlan.plan(o, yieldKgPerMu, growers(t, o.programmeId()), Instant.now());
    var store = chain.store(t);
    var existing = store.find(ValueChainStore.PLANS, orderId, ProductionPlan.class);
    ProductionPlan saved;
    if (existing.isPresent()) {
      saved = store.replace(ValueChainStore.PLANS, orderId, plan, existing.get().version(), ProductionPlan.class)
          .orElseThrow(() -> Registry.stale("production plan", orderId));
    } else {
      store.insert(ValueChainStore.PLANS, orderId, plan);
      saved = store.find(ValueChainStore.PLANS, orderId, ProductionPlan.class).orElseThrow();
    }
    chain.audit(t, c, "plan.drawn", "production-plan", orderId, existing.orElse(null), saved);
    return saved;
  }

  public ProductionPlan plan(Tenant t, Caller c, String orderId) {
    get(t, c, orderId);
    ProductionPlan p = chain.store(t).find(ValueChainStore.PLANS, orderId, ProductionPlan.class)
        .orElseThrow(() -> DomainException.notFound("production plan of order", orderId));
    return c.isCoopScoped() ? scoped(p, c) : p;
  }

  public ProductionPlan adjust(Tenant t, Caller c, String orderId, String lineId, String coopId,
      Map<String, BigDecimal> quotas, long expected) {
    ValueChain.require(c.mayPlan(), "only coop managers and tenant admins adjust quotas");
    ValueChain.require(c.maySeeCoop(coopId), "you may only adjust your own cooperative's quotas");
    ProductionPlan current = chain.store(t).find(ValueChainStore.PLANS, orderId, ProductionPlan.class)
        .orElseThrow(() -> DomainException.notFound("production plan of order", orderId));
    if (current.version() != expected) {
      throw Registry.stale("production plan", orderId);
    }
    ProductionPlan next = current.adjust(lineId, coopId, quotas, Instant.now());
    ProductionPlan saved = chain.store(t).replace(ValueChainStore.PLANS, orderId, next, expected,
        ProductionPlan.class).orElseThrow(() -> Registry.stale("production plan", orderId));
    chain.audit(t, c, "plan.adjusted", "production-plan", orderId, current, saved);
    return saved;
  }

  /** Delivered vs quota: what each farmer delivered of a line's commodity and grade within its delivery window. */
  public record Progress(String lineId, String cooperativeId, String farmerId, BigDecimal quotaKg,
      BigDecimal deliveredKg) {}

  /** The per-farmer rows with their sums per line and per cooperative, and the order's total. */
  public record OrderProgress(String orderId, BigDecimal quotaKg, BigDecimal deliveredKg, List<Progress> lines,
      List<Progress> cooperatives, List<Progress> farmers) {}

  public OrderProgress summary(Tenant t, Caller c, String orderId) {
    List<Progress> farmers = progress(t, c, orderId);
    Map<String, Progress> lines = new LinkedHashMap<>();
    Map<String, Progress> coops = new LinkedHashMap<>();
    BigDecimal quota = BigDecimal.ZERO;
    BigDecimal delivered = BigDecimal.ZERO;
    for (Progress p : farmers) {
      lines.merge(p.lineId(), new Progress(p.lineId(), null, null, p.quotaKg(), p.deliveredKg()), OrderService::add);
      coops.merge(p.lineId() + "|" + p.cooperativeId(), new Progress(p.lineId(), p.cooperativeId(), null, p.quotaKg(),
          p.deliveredKg()), OrderService::add);
      quota = quota.add(p.quotaKg());
      delivered = delivered.add(p.deliveredKg());
    }
    return new OrderProgress(orderId, quota, delivered, List.copyOf(lines.values()), List.copyOf(coops.values()),
        farmers);
  }

  private static Progress add(Progress a, Progress b) {
    return new Progress(a.lineId(), a.cooperativeId(), a.farmerId(), a.quotaKg().add(b.quotaKg()),
        a.deliveredKg().add(b.deliveredKg()));
  }

  public List<Progress> progress(Tenant t, Caller c, String orderId) {
    PurchaseOrder o = get(t, c, orderId);
    ProductionPlan plan = plan(t, c, orderId);
    List<Progress> out = new ArrayList<>();
    for (ProductionPlan.LinePlan l : plan.lines()) {
      PurchaseOrder.Line line = o.line(l.lineId());
      List<Where> f = new ArrayList<>(List.of(Where.eq("harvest", true), Where.eq("programmeId", o.programmeId()),
          Where.eq("commodity", line.commodity()), Where.eq("grade", line.grade()),
          Where.atLeast("harvestDate", line.deliveryFrom().toString())));
      if (line.deliveryTo() != null) {
        f.add(Where.atMost("harvestDate", line.deliveryTo().toString()));
      }
      Map<String, BigDecimal> delivered = new LinkedHashMap<>();
      for (Lot lot : chain.store(t).list(ValueChainStore.LOTS, Where.all(f), null, 0, 0, Lot.class)) {
        delivered.merge(lot.farmerId(), lot.kg(), BigDecimal::add);
      }
      for (ProductionPlan.CoopQuota cq : l.coops()) {
        for (ProductionPlan.FarmerQuota fq : cq.farmers()) {
          out.add(new Progress(l.lineId(), cq.cooperativeId(), fq.farmerId(), fq.quotaKg(),
              delivered.getOrDefault(fq.farmerId(), BigDecimal.ZERO)));
        }
      }
    }
    return out;
  }

  /** A farmer's quota on one order line, what they delivered towards it, and when it is due. */
  public record FarmerQuota(String orderId, String orderNumber, String buyer, String lineId, String commodity,
      String grade, LocalDate deliveryFrom, LocalDate deliveryTo, BigDecimal quotaKg, BigDecimal deliveredKg) {}

  /** What a farmer is asked to produce, over every planned order: what they see before planting. */
  public List<FarmerQuota> quotasOf(Tenant t, Caller c, String farmerId) {
    ValueChain.require(c.mayReadRegistry(), "your role may not read farmers' quotas");
    Farmer f = chain.registry(t).farmer(farmerId).filter(x -> c.maySeeCoop(x.cooperativeId()))
        .orElseThrow(() -> DomainException.notFound("farmer", farmerId));
    List<Lot> lots = chain.store(t).list(ValueChainStore.LOTS, Where.all(Where.eq("farmerId", f.id()),
        Where.eq("harvest", true)), null, 0, 0, Lot.class);
    List<FarmerQuota> out = new ArrayList<>();
    for (ProductionPlan plan : chain.store(t).list(ValueChainStore.PLANS, null, null, 0, 0, ProductionPlan.class)) {
      PurchaseOrder o = chain.store(t).find(ValueChainStore.ORDERS, plan.orderId(), PurchaseOrder.class).orElse(null);
      if (o == null || o.status() == Status.CANCELLED) {
        continue;
      }
      for (ProductionPlan.FarmerQuota q : plan.quotasOf(f.id())) {
        PurchaseOrder.Line line = plan.lines().stream().filter(l -> l.coops().stream().anyMatch(cq -> cq.farmers()
            .contains(q))).findFirst().map(l -> o.line(l.lineId())).orElseThrow();
        BigDecimal delivered = lots.stream().filter(l -> l.commodity().equals(line.commodity())
            && l.grade().equals(line.grade()) && !l.harvestDate().isBefore(line.deliveryFrom())
            && (line.deliveryTo() == null || !l.harvestDate().isAfter(line.deliveryTo())))
            .map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add);
        out.add(new FarmerQuota(o.id(), o.number(), o.buyer().name(), line.id(), line.commodity(), line.grade(),
            line.deliveryFrom(), line.deliveryTo(), q.quotaKg(), delivered));
      }
    }
    return out;
  }

  /** The programme's farmers with their enrolled plot area. */
  List<Grower> growers(Tenant t, String programmeId) {
    RegistryRepository repo = chain.registry(t);
    List<Grower> out = new ArrayList<>();
    for (int page = 0; ; page++) {
      var p = repo.farmers(new FarmerFilter(null, null, programmeId, null, null), "createdAt", true, page, 500);
      for (Farmer f : p.items()) {
        BigDecimal area = repo.plotsOf(f.id()).stream().map(Plot::areaM2).filter(a -> a != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        out.add(new Grower(f.id(), f.cooperativeId(), area));
      }
      if (p.items().size() < 500) {
        return out;
      }
    }
  }

  private static ProductionPlan scoped(ProductionPlan p, Caller c) {
    List<ProductionPlan.LinePlan> lines = p.lines().stream().map(l -> new ProductionPlan.LinePlan(l.lineId(),
        l.commodity(), l.grade(), l.quantityKg(), l.coops().stream().filter(q -> c.maySeeCoop(q.cooperativeId()))
            .toList())).toList();
    return new ProductionPlan(p.orderId(), p.yieldKgPerMu(), lines, p.updatedAt(), p.version());
  }

  private static List<PurchaseOrder.Line> withLineIds(List<PurchaseOrder.Line> lines) {
    if (lines == null) {
      return List.of();
    }
    List<PurchaseOrder.Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      PurchaseOrder.Line l = lines.get(i);
      String id = l.id() == null || l.id().isBlank() ? "L" + (i + 1) : l.id();
      out.add(new PurchaseOrder.Line(id, l.commodity(), l.grade(), l.quantityKg(), l.pricePerKg(), l.deliveryFrom(),
          l.deliveryTo()));
    }
    return out;
  }
}
