package org.mu1000.platform.valuechain;

import com.mongodb.ErrorCategory;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.impact.ImpactService;
import org.mu1000.platform.impact.ImpactService.Contribution;
import org.mu1000.platform.persistence.Ids;
import org.mu1000.platform.persistence.WriteBatch;
import org.mu1000.platform.registry.ReferenceCache;
import org.mu1000.platform.registry.Registry;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.security.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.tenancy.domain.TenantStatus;
import org.mu1000.platform.traceability.TraceService;
import org.mu1000.platform.traceability.domain.Gs1;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.MassBalance;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.Warehouse;
import org.mu1000.platform.valuechain.infrastructure.mongo.ValueChainStore;

/**
 * A lot's life: intake and grading at the collection point, corrections, the warehouse, transformations, allocation
 * to an order, shipment and the buyer's confirmation. Every step records an EPCIS event and moves the impact figures.
 */
@ApplicationScoped
public class LotService {
  /** A harvest may be recorded this long before or after the programme's season (early and late pickings). */
  static final java.time.Period SEASON_TOLERANCE = java.time.Period.ofDays(30);

  /** GS1's own example company prefix: a programme replaces it with its GS1 member prefix. */
  public static final String COMPANY_PREFIX = "0614141";
  private static final SecureRandom RANDOM = new SecureRandom();
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

  // ---- intake ----

  public record Part(BigDecimal kg, Map<String, BigDecimal> measurements) {}

  public record IntakeInput(String farmerId, String plotId, String programmeId, LocalDate harvestDate,
      BigDecimal grossKg, String collectionPoint, List<Part> lots) {}

  public record Intake(Delivery delivery, List<Lot> lots, String receipt) {}

  public Intake intake(Tenant t, Caller c, IntakeInput in) {
    ValueChain.require(c.mayHandleLots(), "your role may not record harvest intake");
    Violations v = new Violations();
    v.require(in.farmerId() != null, "farmerId", "is required");
    v.require(in.plotId() != null, "plotId", "is required");
    v.require(in.harvestDate() != null, "harvestDate", "is required");
    v.require(in.grossKg() != null && in.grossKg().signum() > 0, "grossKg", "must be positive");
    Texts.check(v, "collectionPoint", in.collectionPoint());
    v.throwIfAny();
    Grower farmer = grower(t, c, in);
    GradingStandard std = null;
    String programmeId = in.programmeId();
    if (programmeId == null) {
      for (String p : farmer.programmeIds()) {
        std = grading.current(t, p).orElse(null);
        if (std != null) {
          programmeId = p;
          break;
        }
      }
      if (programmeId == null) {
        throw DomainException.invalid("programmeId", "the farmer is in no programme with a grading standard");
      }
    }
    v.require(farmer.programmeIds().contains(programmeId), "programmeId",
        "farmer " + farmer.id() + " is not enrolled in programme " + programmeId);
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    v.require(!in.harvestDate().isAfter(today), "harvestDate", "is in the future");
    Programme programme = references.programme(t, programmeId).orElse(null);
    if (programme != null && programme.seasonStart() != null && programme.seasonEnd() != null) {
      v.require(!in.harvestDate().isBefore(programme.seasonStart().minus(SEASON_TOLERANCE))
          && !in.harvestDate().isAfter(programme.seasonEnd().plus(SEASON_TOLERANCE)), "harvestDate",
          "is outside the programme's season " + programme.seasonStart() + " – " + programme.seasonEnd()
              + " (give or take " + SEASON_TOLERANCE.getDays() + " days)");
    }
    v.throwIfAny();
    if (std == null) {
      String pid = programmeId;
      std = grading.current(t, pid).orElseThrow(() -> DomainException.invalid("programmeId", "programme " + pid
          + " has no grading standard yet"));
    }
    List<Part> parts = in.lots() == null || in.lots().isEmpty() ? List.of(new Part(in.grossKg(), Map.of()))
        : in.lots();
    BigDecimal sum = BigDecimal.ZERO;
    List<String> grades = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p.kg() == null || p.kg().signum() <= 0) {
        v.add("lots[" + i + "].kg", "must be positive");
        grades.add(null);
        continue;
      }
      sum = sum.add(p.kg());
      try {
        grades.add(std.grade(p.measurements()));
      } catch (DomainException e) {
        v.addAll("lots[" + i + "].", e.violations());
        grades.add(null);
      }
    }
    v.require(sum.compareTo(in.grossKg()) <= 0, "lots",
        "weigh " + sum.toPlainString() + " kg together, more than the gross " + in.grossKg().toPlainString() + " kg");
    v.throwIfAny();
    Instant now = Instant.now();
    String deliveryId = Ids.next("dl");
    String season = season(programme, in.harvestDate());
    Cooperative coop = references.cooperative(t, farmer.cooperativeId()).orElse(null);
    String point = in.collectionPoint() != null ? in.collectionPoint()
        : coop == null ? "collection point" : coop.name();
    List<String> ids = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    boolean claimInBatch = chain.sharesControlPlane(t);
    for (Part ignored : parts) {
      String id = Ids.next("lt");
      ids.add(id);
      // a tenant on a deployment of its own claims its lot numbers in the control plane first, one by one
      codes.add(claimInBatch ? lotNumber(t, in.harvestDate()) : claimCode(t, id, in.harvestDate()));
    }
    // One batch writes the lot-number claims, the lots, their first events and chain heads, the plot's, coop's and
    // programme's rollups, the delivery and its audit entry: one round trip instead of one per write.
    int claimed = claimInBatch ? 0 : parts.size();
    for (int attempt = 0; ; attempt++) {
      WriteBatch batch = chain.batch(t);
      for (int i = claimed; i < parts.size(); i++) {
        trace.claimLotNumber(batch, codes.get(i), t, ids.get(i));
      }
      int claims = batch.size();
      List<Lot> lots = new ArrayList<>();
      List<ImpactService.Contribution> counted = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Lot lot = new Lot(ids.get(i), codes.get(i), programmeId, std.commodity(), grades.get(i), std.version(),
            parts.get(i).kg(), parts.get(i).measurements(), true, farmer.id(), farmer.plotId(), farmer.cooperativeId(),
            deliveryId, in.harvestDate(), season, Status.COLLECTED, null, null, null, null, null, now, now, 0);
        chain.store(t).insert(batch, ValueChainStore.LOTS, lot.id(), lot);
        Lot saved = stored(lot);
        lots.add(saved);
        Map<String, Object> e = objectEvent("ADD", "commissioning", "active", List.of(saved), point,
            farmer.cooperativeId(), null);
        e.put("eventTime", in.harvestDate().atTime(12, 0).atZone(ZoneId.of(t.config().timezone())).toInstant()
            .toString());
        Map<String, Object> ilmd = new LinkedHashMap<>();
        ilmd.put("mu1000:grade", saved.grade());
        ilmd.put("mu1000:gradingStandardVersion", saved.standardVersion());
        ilmd.put("mu1000:harvestDate", in.harvestDate().toString());
        ilmd.put("mu1000:region", coop == null ? null : coop.region());
        e.put("ilmd", ilmd);
        trace.recordFirst(batch, t, e, saved.id());
        ImpactService.contribution(t, saved, std.referencePrice(saved.grade(), saved.harvestDate())
            .orElse(BigDecimal.ZERO)).ifPresent(counted::add);
      }
      Runnable settle = impact.delivered(t, batch, counted, farmer.enrolment());
      Delivery d = new Delivery(deliveryId, farmer.id(), farmer.plotId(), programmeId, farmer.cooperativeId(),
          in.harvestDate(), in.grossKg(), in.collectionPoint(), lots.stream().map(Lot::id).toList(), now,
          c.username(), 0);
      chain.store(t).insert(batch, ValueChainStore.DELIVERIES, deliveryId, d);
      Delivery saved = new Delivery(d.id(), d.farmerId(), d.plotId(), d.programmeId(), d.cooperativeId(),
          d.harvestDate(), d.grossKg(), d.collectionPoint(), d.lotIds(), d.createdAt(), d.createdBy(), 1);
      chain.audit(batch, t, c, "delivery.recorded", "delivery", deliveryId, null, saved);
      try {
        batch.execute();
      } catch (WriteBatch.Failed f) {
        if (f.index() >= claims || f.category() != ErrorCategory.DUPLICATE_KEY || attempt == 20) {
          throw f;
        }
        // another lot has that number: the claims before it hold, nothing after it was written
        claimed += f.index();
        codes.set(claimed, lotNumber(t, in.harvestDate()));
        continue;
      }
      settle.run();
      return new Intake(saved, lots, receiptText(saved, lots));
    }
  }

  /**
   * Who delivers: the farmer with their cooperative and programmes, and the plot, known to be theirs; their
   * enrolment as read when it said all that (else null).
   */
  private record Grower(String id, String cooperativeId, List<String> programmeIds, String plotId,
      Document enrolment) {}

  /**
   * The farmer and plot of an intake, checked: the farmer's enrolment (kept from the registry's events; one read
   * instead of the farmer's and the plot's) when it confirms all the intake needs, else the registry, which also
   * says what is wrong.
   */
  private Grower grower(Tenant t, Caller c, IntakeInput in) {
    Optional<ImpactService.Enrolment> e = impact.enrolment(t, in.farmerId());
    if (e.isPresent() && e.get().cooperativeId() != null && c.maySeeCoop(e.get().cooperativeId())
        && e.get().plotIds().contains(in.plotId()) && !e.get().programmeIds().isEmpty()) {
      return new Grower(in.farmerId(), e.get().cooperativeId(), e.get().programmeIds(), in.plotId(),
          e.get().stored());
    }
    RegistryRepository repo = chain.registry(t);
    Farmer farmer = repo.farmer(in.farmerId()).filter(f -> c.maySeeCoop(f.cooperativeId()))
        .orElseThrow(() -> DomainException.invalid("farmerId", "no farmer " + in.farmerId() + " you may serve"));
    Plot plot = repo.plot(in.plotId()).filter(p -> p.farmerId().equals(farmer.id()))
        .orElseThrow(() -> DomainException.invalid("plotId", "is not a plot of farmer " + farmer.id()));
    return new Grower(farmer.id(), farmer.cooperativeId(), farmer.programmeIds(), plot.id(), null);
  }

  /**
   * The season a harvest counts for: the programme's (named by the year it starts) when the date falls in it, so a
   * season from October to January stays one season; otherwise the harvest year.
   */
  public static String season(Programme p, LocalDate harvest) {
    if (p != null && p.seasonStart() != null && !harvest.isBefore(p.seasonStart())
        && (p.seasonEnd() == null || !harvest.isAfter(p.seasonEnd()))) {
      return String.valueOf(p.seasonStart().getYear());
    }
    return String.valueOf(harvest.getYear());
  }

  /** A lot as stored by a first insert: at version 1. */
  private static Lot stored(Lot l) {
    return new Lot(l.id(), l.code(), l.programmeId(), l.commodity(), l.grade(), l.standardVersion(), l.kg(),
        l.measurements(), l.harvest(), l.farmerId(), l.plotId(), l.cooperativeId(), l.deliveryId(), l.harvestDate(),
        l.season(), l.status(), l.warehouseId(), l.orderId(), l.orderLineId(), l.shipmentId(), l.parents(),
        l.createdAt(), l.updatedAt(), 1);
  }

  /** The SMS to the farmer: at most 160 characters, no name of anyone else. */
  public String receiptText(Delivery d, List<Lot> lots) {
    StringBuilder s = new StringBuilder("Mu1000 " + d.harvestDate() + ": " + strip(d.grossKg()) + "kg");
    for (Lot l : lots) {
      s.append(" | ").append(l.grade()).append(' ').append(strip(l.kg())).append("kg ").append(l.code());
    }
    String text = s.toString();
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  private static String strip(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  private String claimCode(Tenant t, String lotId, LocalDate harvest) {
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

  private static String lotNumber(Tenant t, LocalDate harvest) {
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
    List<Bson> q = new ArrayList<>();
    if (f.farmerId() != null) {
      q.add(Filters.eq("farmerId", f.farmerId()));
    }
    if (f.cooperativeId() != null) {
      q.add(Filters.eq("cooperativeId", f.cooperativeId()));
    }
    if (f.warehouseId() != null) {
      q.add(Filters.eq("warehouseId", f.warehouseId()));
    }
    if (f.status() != null) {
      q.add(Filters.eq("status", f.status().name()));
    }
    if (f.orderId() != null) {
      q.add(Filters.eq("orderId", f.orderId()));
    }
    if (f.code() != null) {
      q.add(Filters.eq("code", f.code()));
    }
    if (c.isCoopScoped()) {
      q.add(Filters.in("cooperativeId", c.coops()));
    }
    if (c.isBuyerOnly()) {
      q.add(Filters.in("orderId", orders.placedBy(t, c)));
    }
    Bson filter = q.isEmpty() ? null : Filters.and(q);
    var store = chain.store(t);
    return new OrderService.Page<>(store.list(ValueChainStore.LOTS, filter, Sorts.descending("_id"),
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
    return ImpactService.contribution(t, lot, price(t, lot, new HashMap<>(), new HashMap<>()));
  }

  private BigDecimal price(Tenant t, Lot lot, Map<String, PurchaseOrder> orderCache,
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

  // ---- corrections ----

  public record Correction(BigDecimal kg, Map<String, BigDecimal> measurements, String reason) {}

  /** A correction is a new event on the lot; the lot shows the corrected state and its history shows both. */
  public Lot correct(Tenant t, Caller c, String id, Correction in, long expected) {
    ValueChain.require(c.mayHandleLots(), "your role may not correct lots");
    Lot cur = get(t, c, id);
    Map<String, BigDecimal> given = in.measurements() == null || in.measurements().isEmpty() ? null
        : in.measurements();
    Violations v = new Violations();
    v.require(in.reason() != null && !in.reason().isBlank(), "reason", "is required: say why the lot is corrected");
    v.require(in.kg() == null || in.kg().signum() > 0, "kg", "must be positive");
    v.require(in.kg() != null || given != null, "kg", "give the corrected kg or measurements (or both)");
    v.throwIfAny();
    if (!cur.harvest() || (cur.status() != Status.COLLECTED && cur.status() != Status.STORED)) {
      throw new DomainException(Kind.CONFLICT, "lot " + cur.code() + " is " + cur.status().code()
          + (cur.harvest() ? "" : " and not a harvest lot") + ": it can no longer be corrected");
    }
    GradingStandard std = grading.version(t, cur.programmeId(), cur.standardVersion());
    Map<String, BigDecimal> m = given == null ? cur.measurements() : given;
    String grade = given == null ? cur.grade() : std.grade(m);
    if (cur.orderId() != null && !grade.equals(cur.grade())) {
      throw new DomainException(Kind.CONFLICT, "lot " + cur.code() + " is allocated to order line "
          + cur.orderLineId() + " of grade " + cur.grade() + "; release it before changing its grade");
    }
    BigDecimal kg = in.kg() == null ? cur.kg() : in.kg();
    Lot next = cur.with(cur.status(), cur.warehouseId(), cur.orderId(), cur.orderLineId(), cur.shipmentId(), kg,
        grade, m, Instant.now());
    // everything that can refuse the correction is worked out before the lot changes
    var before = contribution(t, cur);
    var after = contribution(t, next);
    Lot saved = save(t, next, expected);
    Map<String, Object> e = objectEvent("OBSERVE", "inspecting", GradingStandard.REJECT.equals(grade)
        ? "non_conformant" : "conformant", List.of(saved), null, saved.cooperativeId(), null);
    Map<String, Object> corr = new LinkedHashMap<>();
    corr.put("reason", in.reason());
    corr.put("previousKg", cur.kg());
    corr.put("previousGrade", cur.grade());
    corr.put("kg", saved.kg());
    corr.put("grade", saved.grade());
    e.put("mu1000:correction", corr);
    trace.record(t, e, List.of(id));
    impact.changed(t, before, after);
    chain.audit(t, c, "lot.corrected", "lot", id, cur, saved);
    return saved;
  }

  private Lot save(Tenant t, Lot next, long expected) {
    return chain.store(t).replace(ValueChainStore.LOTS, next.id(), next, expected, Lot.class)
        .orElseThrow(() -> Registry.stale("lot", next.id()));
  }

  // ---- warehouses and stock ----

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
    Warehouse saved = warehouse(t, id);
    chain.audit(t, c, "warehouse.created", "warehouse", id, null, saved);
    return saved;
  }

  public Warehouse warehouse(Tenant t, String id) {
    return chain.store(t).get(ValueChainStore.WAREHOUSES, id, Warehouse.class, "warehouse");
  }

  public List<Warehouse> warehouses(Tenant t, Caller c) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read warehouses");
    return chain.store(t).list(ValueChainStore.WAREHOUSES, null, Sorts.ascending("name"), 0, 0, Warehouse.class)
        .stream().filter(w -> w.cooperativeId() == null || c.maySeeCoop(w.cooperativeId())).toList();
  }

  /** Lots arrive at a warehouse (from the collection point, or moved from another warehouse). */
  public List<Lot> receive(Tenant t, Caller c, String warehouseId, List<String> lotIds) {
    ValueChain.require(c.mayHandleLots(), "your role may not move stock");
    Warehouse w = warehouse(t, warehouseId);
    List<Lot> lots = load(t, c, lotIds, "lotIds");
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
      Lot saved = save(t, l.moved(Status.STORED, warehouseId, Instant.now()), l.version());
      trace.record(t, objectEvent("OBSERVE", "receiving", "in_progress", List.of(saved), w.name(), warehouseId,
          null), List.of(l.id()));
      out.add(saved);
    }
    chain.audit(t, c, "lots.received", "warehouse", warehouseId, null, Map.of("lots", lotIds));
    return out;
  }

  public record StockLine(String warehouseId, String commodity, String grade, BigDecimal kg, int lots) {}

  public List<StockLine> stock(Tenant t, Caller c, String warehouseId) {
    ValueChain.require(c.mayReadRegistry() || c.mayReadOrders(), "your role may not read stock");
    Bson f = Filters.eq("status", Status.STORED.name());
    if (warehouseId != null) {
      f = Filters.and(f, Filters.eq("warehouseId", warehouseId));
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

  // ---- transformations ----

  public record OutputSpec(String commodity, String grade, BigDecimal kg) {}

  public record TransformInput(String kind, List<String> inputLotIds, List<OutputSpec> outputs) {}

  public record Transformed(Transformation transformation, List<Lot> outputs) {}

  public Transformed transform(Tenant t, Caller c, TransformInput in) {
    ValueChain.require(c.mayHandleLots(), "your role may not transform lots");
    Violations v = new Violations();
    v.require(in.kind() != null && Transformation.KINDS.contains(in.kind()), "kind",
        "must be one of " + Transformation.KINDS);
    v.require(in.inputLotIds() != null && !in.inputLotIds().isEmpty(), "inputLotIds", "needs at least one lot");
    v.require(in.outputs() != null && !in.outputs().isEmpty(), "outputs", "needs at least one output");
    v.throwIfAny();
    List<Lot> inputs = load(t, c, in.inputLotIds(), "inputLotIds");
    Lot first = inputs.get(0);
    for (int i = 0; i < inputs.size(); i++) {
      Lot l = inputs.get(i);
      String at = "inputLotIds[" + i + "]";
      v.require(l.status() == Status.STORED, at, "lot " + l.code() + " is " + l.status().code()
          + ": only lots in a warehouse can be transformed");
      v.require(first.warehouseId() == null || first.warehouseId().equals(l.warehouseId()), at,
          "lot " + l.code() + " is in another warehouse");
      v.require(l.programmeId().equals(first.programmeId()), at, "lot " + l.code() + " is of another programme");
      v.require(l.orderId() == null, at, "lot " + l.code() + " is allocated to an order");
      if ("blending".equals(in.kind())) {
        v.require(l.grade().equals(first.grade()) && l.commodity().equals(first.commodity()), at,
            "blending mixes lots of one commodity and grade only");
      }
    }
    GradingStandard std = grading.version(t, first.programmeId(), first.standardVersion());
    for (int i = 0; i < in.outputs().size(); i++) {
      OutputSpec o = in.outputs().get(i);
      v.require(o.commodity() != null && !o.commodity().isBlank(), "outputs[" + i + "].commodity", "is required");
      v.require(o.grade() != null && (std.hasGrade(o.grade()) || !o.commodity().equals(std.commodity())),
          "outputs[" + i + "].grade", "is required (a grade of the standard for the same commodity)");
      if ("blending".equals(in.kind())) {
        v.require(first.grade().equals(o.grade()), "outputs[" + i + "].grade", "a blend keeps the grade "
            + first.grade());
      }
    }
    v.throwIfAny();
    BigDecimal loss = MassBalance.loss(inputs.stream().map(Lot::kg).toList(),
        in.outputs().stream().map(OutputSpec::kg).toList());
    Instant now = Instant.now();
    LocalDate harvest = inputs.stream().map(Lot::harvestDate).max(LocalDate::compareTo).orElseThrow();
    String coop = inputs.stream().allMatch(l -> java.util.Objects.equals(l.cooperativeId(), first.cooperativeId()))
        ? first.cooperativeId() : null;
    for (Lot l : inputs) {
      save(t, l.moved(Status.CONSUMED, l.warehouseId(), now), l.version());
    }
    List<Lot> outputs = new ArrayList<>();
    for (OutputSpec o : in.outputs()) {
      String id = Ids.next("lt");
      Lot lot = new Lot(id, claimCode(t, id, harvest), first.programmeId(), o.commodity(), o.grade(),
          first.standardVersion(), o.kg(), Map.of(), false, null, null, coop, null, harvest, first.season(),
          Status.STORED, first.warehouseId(), null, null, null, inputs.stream().map(Lot::id).toList(), now, now, 0);
      chain.store(t).insert(ValueChainStore.LOTS, id, lot);
      outputs.add(lot(t, id));
    }
    String tid = Ids.next("tf");
    Transformation tr = new Transformation(tid, in.kind(), first.warehouseId(),
        inputs.stream().map(Lot::id).toList(), inputs.stream().map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add),
        outputs.stream().map(Lot::id).toList(), outputs.stream().map(Lot::kg).reduce(BigDecimal.ZERO,
            BigDecimal::add), loss, now, c.username(), 0);
    chain.store(t).insert(ValueChainStore.TRANSFORMATIONS, tid, tr);
    Warehouse w = first.warehouseId() == null ? null : warehouse(t, first.warehouseId());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", "TransformationEvent");
    e.put("inputQuantityList", quantities(inputs));
    e.put("outputQuantityList", quantities(outputs));
    e.put("transformationID", "urn:mu1000:transformation:" + tid);
    e.put("bizStep", "creating_class_instance");
    e.put("disposition", "active");
    where(e, w == null ? "warehouse" : w.name(), first.warehouseId());
    e.put("mu1000:transformation", Map.of("kind", in.kind(), "lossKg", loss));
    List<String> touched = new ArrayList<>(tr.inputLotIds());
    touched.addAll(tr.outputLotIds());
    trace.record(t, e, touched);
    chain.audit(t, c, "lots.transformed", "transformation", tid, null, tr);
    return new Transformed(chain.store(t).find(ValueChainStore.TRANSFORMATIONS, tid, Transformation.class)
        .orElseThrow(), outputs);
  }

  // ---- orders: allocation, shipment, delivery ----

  public List<Lot> allocate(Tenant t, Caller c, String orderId, String lineId, List<String> lotIds) {
    ValueChain.require(c.mayHandleLots() && (c.mayAdministerTenant() || c.has(Caller.COOP_MANAGER)
        || c.has(Caller.API_CLIENT)), "your role may not allocate lots to orders");
    PurchaseOrder o = orders.get(t, c, orderId);
    if (o.status() != PurchaseOrder.Status.CONFIRMED && o.status() != PurchaseOrder.Status.IN_DELIVERY) {
      throw new DomainException(Kind.CONFLICT, "order " + o.number() + " is " + o.status().code()
          + ": lots can only be allocated to confirmed orders");
    }
    PurchaseOrder.Line line = o.line(lineId);
    List<Lot> lots = load(t, c, lotIds, "lotIds");
    Violations v = new Violations();
    BigDecimal already = chain.store(t).list(ValueChainStore.LOTS, Filters.and(Filters.eq("orderId", orderId),
        Filters.eq("orderLineId", lineId)), null, 0, 0, Lot.class).stream().map(Lot::kg)
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
      Lot saved = save(t, l.with(l.status(), l.warehouseId(), orderId, lineId, null, l.kg(), l.grade(),
          l.measurements(), Instant.now()), l.version());
      trace.record(t, objectEvent("OBSERVE", "reserving", "reserved", List.of(saved), null, l.warehouseId(), o),
          List.of(l.id()));
      impact.changed(t, contribution(t, l), contribution(t, saved));
      out.add(saved);
    }
    chain.audit(t, c, "lots.allocated", "order", orderId, null, Map.of("line", lineId, "lots", lotIds));
    return out;
  }

  public Shipment ship(Tenant t, Caller c, String orderId, List<String> lotIds, String destination) {
    ValueChain.require(c.mayHandleLots() && (c.mayAdministerTenant() || c.has(Caller.COOP_MANAGER)
        || c.has(Caller.API_CLIENT)), "your role may not ship lots");
    PurchaseOrder o = orders.get(t, c, orderId);
    List<Lot> lots = load(t, c, lotIds, "lotIds");
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
      shipped.add(save(t, l.with(Status.SHIPPED, l.warehouseId(), l.orderId(), l.orderLineId(), id, l.kg(),
          l.grade(), l.measurements(), now), l.version()));
    }
    String from = lots.get(0).warehouseId();
    Warehouse w = from == null ? null : warehouse(t, from);
    String place = w == null ? "origin" : w.name();
    Map<String, Object> pack = new LinkedHashMap<>();
    pack.put("type", "AggregationEvent");
    pack.put("parentID", "urn:epc:id:sscc:" + COMPANY_PREFIX + "." + sscc.substring(0, 1) + sscc.substring(8, 17));
    pack.put("childQuantityList", quantities(shipped));
    pack.put("action", "ADD");
    pack.put("bizStep", "packing");
    pack.put("disposition", "in_progress");
    where(pack, place, from);
    pack.put("bizTransactionList", List.of(po(t, o)));
    trace.record(t, pack, lotIds);
    Map<String, Object> go = objectEvent("OBSERVE", "shipping", "in_transit", shipped, place, from, o);
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
    return chain.store(t).list(ValueChainStore.SHIPMENTS, Filters.eq("orderId", orderId), null, 0, 0,
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
      Lot l = lot(t, id);
      lots.add(save(t, l.moved(Status.DELIVERED, l.warehouseId(), now), l.version()));
    }
    Map<String, Object> e = objectEvent("OBSERVE", "receiving", "in_progress", lots, o.buyer().name(), null, o);
    e.put("bizLocation", Map.of("id", "urn:mu1000:buyer:" + java.net.URLEncoder.encode(o.buyer().name(),
        java.nio.charset.StandardCharsets.UTF_8)));
    trace.record(t, e, s.lotIds());
    boolean complete = true;
    for (PurchaseOrder.Line line : o.lines()) {
      BigDecimal delivered = chain.store(t).list(ValueChainStore.LOTS, Filters.and(Filters.eq("orderId", o.id()),
          Filters.eq("orderLineId", line.id()), Filters.eq("status", Status.DELIVERED.name())), null, 0, 0,
          Lot.class).stream().map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add);
      complete &= delivered.compareTo(line.quantityKg()) >= 0;
    }
    if (complete) {
      orders.advance(t, c, o, PurchaseOrder.Status.FULFILLED);
    }
    chain.audit(t, c, "shipment.delivered", "shipment", s.id(), s, saved);
    return saved;
  }

  // ---- lineage and the impact recompute ----

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

  /** Rebuilds the tenant's impact rollups from every harvest lot and the registry (admin action). */
  public Map<String, Object> recomputeImpact(Tenant t, Caller c) {
    ValueChain.require(c.mayAdministerTenant(), "only tenant admins recompute the impact figures");
    Map<String, Object> before = impact.snapshot(t);
    Map<String, PurchaseOrder> orderCache = new HashMap<>();
    Map<String, GradingStandard> stdCache = new HashMap<>();
    // only what a lot's value and place need: the embedded store holds a query's whole answer until it is read,
    // and 3.6 million full lots did not fit its 8 GB heap
    var lots = chain.store(t).database().getCollection(ValueChainStore.LOTS)
        .find(Filters.and(Filters.eq("harvest", true), Filters.eq("deleted", false))).batchSize(1000)
        .projection(com.mongodb.client.model.Projections.include("harvest", "kg", "harvestDate", "season",
            "programmeId", "plotId", "farmerId", "cooperativeId", "orderId", "orderLineId", "standardVersion",
            "grade"));
    Iterable<Contribution> contributions = () -> new java.util.Iterator<>() {
      final java.util.Iterator<org.bson.Document> it = lots.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Contribution next() {
        Lot l = org.mu1000.platform.persistence.RecordDocs.fromDoc(it.next(), Lot.class);
        return ImpactService.contribution(t, l, price(t, l, orderCache, stdCache)).orElseThrow();
      }
    };
    Map<String, Object> out = new LinkedHashMap<>(impact.recompute(t, c, contributions));
    Map<String, Object> after = impact.snapshot(t);
    List<String> differences = new ArrayList<>();
    for (String k : new java.util.TreeSet<>(after.keySet())) {
      if (!java.util.Objects.equals(before.get(k), after.get(k))) {
        differences.add(k);
      }
    }
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(differences::add);
    out.put("identical", differences.isEmpty());
    out.put("differences", differences.stream().limit(20).toList());
    chain.audit(t, c, "impact.recomputed", "impact", t.id(), null, out);
    return out;
  }

  // ---- helpers ----

  private List<Lot> load(Tenant t, Caller c, List<String> ids, String field) {
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

  private Map<String, Object> objectEvent(String action, String bizStep, String disposition, List<Lot> lots,
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

  private static void where(Map<String, Object> e, String name, String id) {
    if (id == null) {
      return;
    }
    e.put("readPoint", Map.of("id", place(id)));
    e.put("bizLocation", Map.of("id", place(id)));
    if (name != null) {
      e.put("mu1000:place", name);
    }
  }

  private static Map<String, String> po(Tenant t, PurchaseOrder o) {
    return Map.of("type", "po", "bizTransaction", "urn:mu1000:po:" + o.id());
  }

  private static List<Map<String, Object>> quantities(List<Lot> lots) {
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

  /** An SSCC-18: extension digit, company prefix, serial, check digit. */
  private static String sscc() {
    String serial = String.format("%09d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000L));
    String body = "0" + COMPANY_PREFIX + serial;
    return body + Gs1.checkDigit(body);
  }

  // ---- receipts and the public trace page ----

  /** The printable receipt of a delivery (PDF). */
  public byte[] receiptPdf(Tenant t, Caller c, String deliveryId) {
    Delivery d = delivery(t, c, deliveryId);
    Farmer f = chain.registry(t).farmer(d.farmerId()).orElse(null);
    List<Lot> lots = d.lotIds().stream().map(id -> lot(t, id)).toList();
    List<String> lines = new ArrayList<>();
    lines.add("Delivery " + d.id());
    lines.add("Date: " + d.harvestDate() + "   Gross: " + strip(d.grossKg()) + " kg");
    if (f != null) {
      lines.add("Farmer: " + f.givenName() + " " + f.familyName());
    }
    lines.add("Cooperative: " + chain.registry(t).cooperative(d.cooperativeId()).map(Cooperative::name).orElse("-"));
    lines.add(" ");
    for (Lot l : lots) {
      lines.add("Lot " + l.code() + ": " + strip(l.kg()) + " kg, grade " + l.grade());
      contribution(t, l).ifPresent(k -> lines.add("    value " + k.local().setScale(0, java.math.RoundingMode.HALF_EVEN)
          .toPlainString() + " " + t.config().currency() + " at reference price"));
    }
    lines.add(" ");
    lines.add("Recorded by " + d.createdBy() + " at " + d.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    return ReceiptPdf.render("Mu1000 harvest receipt", lines);
  }

  /** A lot found from its Digital Link, with its tenant. */
  public record Located(Tenant tenant, Lot lot) {}

  /**
   * The lot behind a public Digital Link: its number is unique platform-wide, its tenant must be active and the GTIN
   * must be its commodity's. Anything else is "not found" (no sign-in, so nothing to tell apart).
   */
  public Located byDigitalLink(String gtin, String lotNumber, TenantRepository tenants) {
    // an unknown lot, a lot of a closed tenant and a lot under another GTIN all answer alike
    Supplier<DomainException> none = () -> DomainException.notFound("lot", gtin + "/" + lotNumber);
    var at = trace.locate(lotNumber).orElseThrow(none);
    Tenant t = tenants.find(at.tenant()).filter(x -> x.status() == TenantStatus.ACTIVE).orElseThrow(none);
    Lot lot = lot(t, at.lotId());
    if (!gtin(lot.commodity()).equals(gtin)) {
      throw none.get();
    }
    return new Located(t, lot);
  }

  public record Step(String date, String step, String place) {}

  public record Origin(String cooperative, String region, String district) {}

  public record PublicTrace(String lot, String gtin, String digitalLink, String commodity, String grade,
      BigDecimal kg, LocalDate harvestFrom, LocalDate harvestTo, List<Origin> origins, List<String> certifications,
      List<Step> steps, boolean chainIntact) {}

  /** What anyone with the QR code may see: origin region and cooperative, dates, grade, steps. No personal data. */
  public PublicTrace publicTrace(Tenant t, Lot lot) {
    List<Lot> lineage = lineage(t, lot);
    List<Lot> harvests = lineage.stream().filter(Lot::harvest).toList();
    Map<String, Origin> origins = new LinkedHashMap<>();
    for (Lot h : harvests) {
      chain.registry(t).cooperative(h.cooperativeId()).ifPresent(c -> origins.putIfAbsent(c.id(),
          new Origin(c.name(), c.region(), c.district())));
    }
    Map<String, Step> steps = new TreeMap<>();
    boolean intact = true;
    for (Lot l : lineage) {
      intact &= trace.verify(t, l.id()).intact();
      for (TraceService.Stored s : trace.events(t, l.id())) {
        Map<String, Object> e = s.event();
        String when = String.valueOf(e.get("eventTime"));
        steps.putIfAbsent(when + s.eventId(), new Step(when, String.valueOf(e.get("bizStep")),
            e.get("mu1000:place") == null ? null : String.valueOf(e.get("mu1000:place"))));
      }
    }
    LocalDate from = harvests.stream().map(Lot::harvestDate).min(LocalDate::compareTo).orElse(lot.harvestDate());
    LocalDate to = harvests.stream().map(Lot::harvestDate).max(LocalDate::compareTo).orElse(lot.harvestDate());
    // certifications the cooperatives of origin hold (all of them, if the lot blends several origins)
    java.util.Set<String> certs = new java.util.LinkedHashSet<>();
    harvests.stream().map(Lot::cooperativeId).distinct().forEach(id -> chain.registry(t).cooperative(id)
        .ifPresent(c -> certs.addAll(c.certifications())));
    List<String> certifications = List.copyOf(certs);
    return new PublicTrace(lot.code(), gtin(lot.commodity()), digitalLink(lot), lot.commodity(), lot.grade(), lot.kg(),
        from, to, List.copyOf(origins.values()), certifications, List.copyOf(steps.values()), intact);
  }

}
