package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.impact.application.ImpactService;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.ReferenceCache;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.traceability.domain.Gs1;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.ValueChainStore;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * Lots as every step of the value chain sees them: their GS1 identifiers and lot numbers, reading them within the
 * caller's scope, their value, their lineage, and the EPCIS event each step records. The steps themselves (intake,
 * corrections, warehouses, transformations, shipments) are services of their own.
 */
@ApplicationScoped
public class LotService {

  /** GS1's own example company prefix: a programme replaces it with its GS1 member prefix. */
  public static final String COMPANY_PREFIX = "0614141";
  static final SecureRandom RANDOM = new SecureRandom();
  private static final String LOT_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final DateTimeFormatter LOT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
  private static final java.util.regex.Pattern NOT_A_LETTER = java.util.regex.Pattern.compile("[^a-z]");

  private ValueChain chain;
  private GradingService grading;
  private OrderService orders;
  private TraceService trace;
  private ImpactService impact;
  private ReferenceCache references;

  protected LotService() {}

  @Inject
  public LotService(ValueChain chain, GradingService grading, OrderService orders, TraceService trace,
      ImpactService impact, ReferenceCache references) {
    this.references = references;
    this.chain = chain;
    this.grading = grading;
    this.orders = orders;
    this.trace = trace;
    this.impact = impact;
  }

  // ---- identifiers ----

  public static String gtin(String commodity) {
    return Gs1.gtin14("0", COMPANY_PREFIX, fiveDigits(commodity));
  }

  public static String lgtin(Lot lot) {
    return Gs1.lgtin(gtin(lot.commodity()), COMPANY_PREFIX.length(), lot.code());
  }

  public String digitalLink(Lot lot) {
    return Gs1.digitalLink(trace.resolverBase(), gtin(lot.commodity()), lot.code());
  }

  static String place(String id) {
    return Gs1.sgln(COMPANY_PREFIX, fiveDigits(id));
  }

  /** A reference of five digits from a name (String.format did this at a noticeable cost on every intake). */
  private static String fiveDigits(String name) {
    String n = Integer.toString(Math.floorMod(name.hashCode(), 100_000));
    return "0".repeat(5 - n.length()) + n;
  }

  String claimCode(Tenant t, String lotId, LocalDate harvest) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String code = lotNumber(t, harvest);
      if (trace.claimLotNumber(code, t, lotId)) {
        return code;
      }
    }
    throw new IllegalStateException("no free lot number after 20 attempts");
  }

  /**
   * A candidate lot number (at most 20 characters, GS1's limit for AI 10): up to three letters of the tenant, the
   * harvest date, four characters of the time it is recorded (seconds, base 32; they repeat after 12 days) and seven
   * random ones. Numbers made one after the other sort one after the other within a harvest date, so claiming one
   * adds to the end of the unique indexes (the platform's lot-number index, the tenant's lots by code) instead of
   * rewriting a random page of them; 32⁷ random numbers per second stay as hard to guess as before.
   */
  static String lotNumber(String tenantId, LocalDate harvest, long epochSecond) {
    String prefix = NOT_A_LETTER.matcher(tenantId).replaceAll("").toUpperCase(); // compiled once: every lot asks
    StringBuilder code = new StringBuilder(prefix.substring(0, Math.min(3, prefix.length())))
        .append(harvest.format(LOT_DATE));
    for (int shift = 15; shift >= 0; shift -= 5) {
      code.append(LOT_CHARS.charAt((int) (epochSecond >>> shift) & 31));
    }
    for (int i = 0; i < 7; i++) {
      code.append(LOT_CHARS.charAt(RANDOM.nextInt(LOT_CHARS.length())));
    }
    return code.toString();
  }

  static String lotNumber(Tenant t, LocalDate harvest) {
    return lotNumber(t.id(), harvest, Instant.now().getEpochSecond());
  }

  // ---- reading ----

  public Lot lot(Tenant t, String id) {
    return chain.store(t).get(ValueChainStore.LOTS, id, Lot.class, "lot");
  }

  public Lot get(Tenant t, Caller c, String id) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read lots");
    Lot l = lot(t, id);
    if (l.cooperativeId() != null && !c.maySeeCoop(l.cooperativeId())
        || c.isBuyerOnly() && (l.orderId() == null || !orders.placedBy(t, c).contains(l.orderId()))) {
      throw DomainException.notFound("lot", id);
    }
    return l;
  }

  public record LotFilter(String farmerId, String cooperativeId, String warehouseId, Status status,
      String orderId, String code) {}

  public OrderService.Page<Lot> list(Tenant t, Caller c, LotFilter f, int page, int size) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read lots");
    List<Where> q = new ArrayList<>();
    if (f.farmerId() != null) {
      q.add(Where.eq("farmerId", f.farmerId()));
    }
    if (f.cooperativeId() != null) {
      q.add(Where.eq("cooperativeId", f.cooperativeId()));
    }
    if (f.warehouseId() != null) {
      q.add(Where.eq("warehouseId", f.warehouseId()));
    }
    if (f.status() != null) {
      q.add(Where.eq("status", f.status().name()));
    }
    if (f.orderId() != null) {
      q.add(Where.eq("orderId", f.orderId()));
    }
    if (f.code() != null) {
      q.add(Where.eq("code", f.code()));
    }
    if (c.isCoopScoped()) {
      q.add(Where.in("cooperativeId", c.coops()));
    }
    if (c.isBuyerOnly()) {
      q.add(Where.in("orderId", orders.placedBy(t, c)));
    }
    Where filter = q.isEmpty() ? null : Where.all(q);
    var store = chain.store(t);
    return new OrderService.Page<>(store.list(ValueChainStore.LOTS, filter, Where.Order.NEWEST_FIRST,
        Pages.skip(page, size), size, Lot.class), store.count(ValueChainStore.LOTS, filter));
  }

  public Delivery delivery(Tenant t, Caller c, String id) {
    Delivery d = chain.store(t).get(ValueChainStore.DELIVERIES, id, Delivery.class, "delivery");
    ValueChain.require(c.mayReadRegistry(), "your role may not read deliveries");
    if (!c.maySeeCoop(d.cooperativeId())) {
      throw DomainException.notFound("delivery", id);
    }
    return d;
  }

  /** The lot's value now (for display): its order line's price, else its grade's reference price. */
  public Optional<Contribution> contribution(Tenant t, Lot lot) {
    return contributionOf(t, lot, price(t, lot, new HashMap<>(), new HashMap<>()));
  }

  BigDecimal price(Tenant t, Lot lot, Map<String, PurchaseOrder> orderCache,
      Map<String, GradingStandard> stdCache) {
    if (lot.orderId() != null) {
      PurchaseOrder o = orderCache.computeIfAbsent(lot.orderId(), id -> chain.store(t)
          .find(ValueChainStore.ORDERS, id, PurchaseOrder.class).orElse(null));
      if (o != null) {
        return o.line(lot.orderLineId()).pricePerKg();
      }
    }
    GradingStandard std = stdCache.computeIfAbsent(lot.programmeId() + ":" + lot.standardVersion(),
        k -> grading.version(t, lot.programmeId(), lot.standardVersion()));
    return std.referencePrice(lot.grade(), lot.harvestDate()).orElse(BigDecimal.ZERO);
  }

  Lot save(Tenant t, Lot next, long expected) {
    return chain.store(t).replace(ValueChainStore.LOTS, next.id(), next, expected, Lot.class)
        .orElseThrow(() -> Registry.stale("lot", next.id()));
  }

  public Warehouse warehouse(Tenant t, String id) {
    return chain.store(t).get(ValueChainStore.WAREHOUSES, id, Warehouse.class, "warehouse");
  }

  // ---- lineage ----

  /** The lot and every lot it was made from, nearest first. */
  public List<Lot> lineage(Tenant t, Lot lot) {
    List<Lot> out = new ArrayList<>();
    List<Lot> queue = new ArrayList<>(List.of(lot));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!queue.isEmpty()) {
      Lot l = queue.remove(0);
      if (seen.add(l.id())) {
        out.add(l);
        l.parents().forEach(p -> chain.store(t).find(ValueChainStore.LOTS, p, Lot.class).ifPresent(queue::add));
      }
    }
    return out;
  }

  // ---- helpers ----

  List<Lot> load(Tenant t, Caller c, List<String> ids, String field) {
    Violations v = new Violations();
    v.require(ids != null && !ids.isEmpty(), field, "needs at least one lot");
    v.throwIfAny();
    v.require(ids.stream().distinct().count() == ids.size(), field, "names a lot twice");
    List<Lot> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Optional<Lot> l = chain.store(t).find(ValueChainStore.LOTS, ids.get(i), Lot.class)
          .filter(x -> x.cooperativeId() == null || c.maySeeCoop(x.cooperativeId()));
      v.require(l.isPresent(), field + "[" + i + "]", "no lot " + ids.get(i));
      l.ifPresent(out::add);
    }
    v.throwIfAny();
    return out;
  }

  Map<String, Object> objectEvent(String action, String bizStep, String disposition, List<Lot> lots,
      String placeName, String placeId, PurchaseOrder o) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", "ObjectEvent");
    e.put("epcList", List.of());
    e.put("quantityList", quantities(lots));
    e.put("action", action);
    e.put("bizStep", bizStep);
    e.put("disposition", disposition);
    if (placeId != null) {
      where(e, placeName, placeId);
    }
    if (o != null) {
      e.put("bizTransactionList", List.of(po(null, o)));
    }
    return e;
  }

  static void where(Map<String, Object> e, String name, String id) {
    if (id == null) {
      return;
    }
    e.put("readPoint", Map.of("id", place(id)));
    e.put("bizLocation", Map.of("id", place(id)));
    if (name != null) {
      e.put("mu1000:place", name);
    }
  }

  static Map<String, String> po(Tenant t, PurchaseOrder o) {
    return Map.of("type", "po", "bizTransaction", "urn:mu1000:po:" + o.id());
  }

  static List<Map<String, Object>> quantities(List<Lot> lots) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Lot l : lots) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("epcClass", lgtin(l));
      q.put("quantity", l.kg());
      q.put("uom", "KGM");
      out.add(q);
    }
    return out;
  }

  /** The value of a harvest lot at a price per kg (the order line's, else the grade's reference price, else 0). */
  public static Optional<Contribution> contributionOf(Tenant t, Lot lot, BigDecimal pricePerKg) {
    if (lot == null || !lot.harvest()) {
      return Optional.empty();
    }
    BigDecimal price = pricePerKg == null ? BigDecimal.ZERO : pricePerKg;
    Impact.Valuation v;
    try {
      v = Impact.value(lot.kg(), price, t.config().fxRates(), lot.harvestDate());
    } catch (IllegalStateException noRate) {
      v = new Impact.Valuation(lot.kg().multiply(price), BigDecimal.ZERO, null);
    }
    return Optional.of(new Contribution(lot.programmeId(), lot.season(), lot.plotId(), lot.farmerId(),
        lot.cooperativeId(), lot.harvestDate(), lot.kg(), v.local(), v.usd()));
  }
}
