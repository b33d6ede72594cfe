package org.mu1000.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.GradingService;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.impact.application.ImpactRebuild;
import org.mu1000.platform.valuechain.application.WarehouseService;
import org.mu1000.platform.valuechain.application.IntakeService;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * A demo season: a warehouse per cooperative, one or two graded deliveries per farmer (through the same intake as
 * the UI, so traces and impact figures are real), most lots stored, and a confirmed, planned buyer's order.
 */
@ApplicationScoped
public class DemoHarvests {
  private static final Logger LOG = Logger.getLogger(DemoHarvests.class.getName());

  private LotService lots;

  private IntakeService intakes;

  private WarehouseService warehouses;

  private ImpactRebuild recompute;
  private OrderService orders;
  private GradingService grading;
  private Registry registry;

  protected DemoHarvests() {}

  @Inject
  public DemoHarvests(LotService lots, IntakeService intakes, WarehouseService warehouses, ImpactRebuild recompute,
      OrderService orders, GradingService grading, Registry registry) {
    this.lots = lots;
    this.intakes = intakes;
    this.warehouses = warehouses;
    this.recompute = recompute;
    this.orders = orders;
    this.grading = grading;
    this.registry = registry;
  }

  void seed(Tenant t, long seed) {
    if (lots.list(t, DemoDataSeeder.SYSTEM, new LotService.LotFilter(null, null, null, null, null, null), 0, 1)
        .total() > 0) {
      return;
    }
    // farmers registered before the value chain existed have no enrolment yet: build it from the registry
    recompute.rebuild(t, DemoDataSeeder.SYSTEM);
    RegistryRepository repo = registry.repository(t);
    Random rnd = new Random(seed);
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    Map<String, String> warehouseOf = new java.util.HashMap<>();
    for (Cooperative c : repo.cooperatives()) {
      Warehouse w = warehouses.createWarehouse(t, DemoDataSeeder.SYSTEM, new Warehouse(null, c.collectionPoints().isEmpty()
          ? c.name() + " store" : c.collectionPoints().get(0).name(), c.id(), c.district(), c.region(), null, null, 0));
      warehouseOf.put(c.id(), w.id());
    }
    int deliveries = 0;
    List<Farmer> all = new ArrayList<>();
    repo.forEachFarmer(all::add);
    all.sort(java.util.Comparator.comparing(Farmer::id));
    for (Farmer f : all) {
      for (String programmeId : f.programmeIds()) {
        Programme p = repo.programme(programmeId).orElse(null);
        GradingStandard std = grading.current(t, programmeId).orElse(null);
        List<Plot> plots = repo.plotsOf(f.id());
        if (p == null || std == null || plots.isEmpty() || p.seasonStart() == null || p.seasonStart().isAfter(today)) {
          continue;
        }
        LocalDate end = p.seasonEnd() == null || p.seasonEnd().isAfter(today) ? today : p.seasonEnd();
        long days = Math.max(1, ChronoUnit.DAYS.between(p.seasonStart(), end));
        Plot plot = plots.get(0);
        // a yield between 100 and 900 kg per mu, delivered in one or two loads
        BigDecimal mu = plot.areaM2().divide(new BigDecimal("666.6667"), 4, RoundingMode.HALF_EVEN);
        BigDecimal total = mu.multiply(BigDecimal.valueOf(100 + rnd.nextInt(800))).setScale(1, RoundingMode.HALF_EVEN);
        int loads = 1 + rnd.nextInt(2);
        for (int i = 0; i < loads; i++) {
          BigDecimal kg = total.divide(BigDecimal.valueOf(loads), 1, RoundingMode.HALF_EVEN).max(BigDecimal.ONE);
          LocalDate day = p.seasonStart().plusDays(rnd.nextInt((int) days));
          var in = intakes.intake(t, DemoDataSeeder.SYSTEM, new IntakeService.IntakeInput(f.id(), plot.id(), programmeId,
              day, kg, null, List.of(new IntakeService.Part(kg, measurements(std, rnd)))));
          deliveries++;
          if (rnd.nextInt(10) < 8 && warehouseOf.containsKey(f.cooperativeId())) {
            warehouses.receive(t, DemoDataSeeder.SYSTEM, warehouseOf.get(f.cooperativeId()),
                in.lots().stream().map(Lot::id).toList());
          }
        }
      }
    }
    for (Programme p : repo.programmes()) {
      grading.current(t, p.id()).ifPresent(std -> order(t, p, std));
    }
    LOG.info("demo season for " + t.id() + ": " + deliveries + " deliveries");
  }

  private void order(Tenant t, Programme p, GradingStandard std) {
    String top = std.grades().get(0).code();
    BigDecimal price = std.grades().get(0).prices().get(0).perKg().multiply(new BigDecimal("1.15"))
        .setScale(2, RoundingMode.HALF_EVEN);
    PurchaseOrder o = orders.create(t, DemoDataSeeder.SYSTEM, new PurchaseOrder(null, "PO-DEMO-" + p.id(), p.id(),
        new PurchaseOrder.Buyer("Kaffee & Frucht Import GmbH", "DE", true, null), List.of(new PurchaseOrder.Line(
            null, p.commodity(), top, new BigDecimal("20000"), price, p.seasonStart(), p.seasonEnd())), null, null,
        null, 0));
    o = orders.transition(t, DemoDataSeeder.SYSTEM, o.id(), PurchaseOrder.Status.CONFIRMED, o.version());
    orders.plan(t, DemoDataSeeder.SYSTEM, o.id(), new BigDecimal("400"));
  }

  /** Measurements around the grade boundaries, so that every grade (and some rejects) occurs. */
  private static Map<String, BigDecimal> measurements(GradingStandard std, Random rnd) {
    Map<String, BigDecimal> m = new java.util.HashMap<>();
    for (GradingStandard.Measure x : std.measures()) {
      double v = switch (x.key()) {
        case "ripe" -> 55 + rnd.nextDouble() * 45;
        case "defects" -> rnd.nextDouble() * 20;
        case "moisture" -> std.measures().stream().anyMatch(y -> y.key().equals("purity")) ? 5 + rnd.nextDouble() * 4
            : 10 + rnd.nextDouble() * 5;
        case "purity" -> 91 + rnd.nextDouble() * 9;
        case "diameter" -> 35 + rnd.nextDouble() * 35;
        case "brix" -> 10 + rnd.nextDouble() * 7;
        case "weight" -> 50 + rnd.nextDouble() * 40;
        default -> rnd.nextDouble() * 100;
      };
      m.put(x.key(), BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN));
    }
    return m;
  }
}
