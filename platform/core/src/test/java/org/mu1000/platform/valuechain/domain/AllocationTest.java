package org.mu1000.platform.valuechain.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.valuechain.domain.ProductionPlan.CoopQuota;
import org.mu1000.platform.valuechain.domain.ProductionPlan.FarmerQuota;
import org.mu1000.platform.valuechain.domain.ProductionPlan.Grower;

class AllocationTest {
  static BigDecimal dec(String v) {
    return new BigDecimal(v);
  }

  @Test
  void partsAreProportionalAndAddUpExactly() {
    Map<String, BigDecimal> w = new LinkedHashMap<>();
    w.put("a", dec("1"));
    w.put("b", dec("1"));
    w.put("c", dec("1"));
    Map<String, BigDecimal> parts = Allocation.proportional(dec("100"), w, 3);
    assertEquals(dec("33.334"), parts.get("a"), "the largest remainder (first on ties) gets the spare gram");
    assertEquals(dec("33.333"), parts.get("b"));
    assertEquals(dec("100.000"), sum(parts.values()));
  }

  @Test
  void randomSplitsNeverLoseOrInventAGram() {
    Random r = new Random(42);
    for (int round = 0; round < 500; round++) {
      Map<Integer, BigDecimal> w = new LinkedHashMap<>();
      int n = 1 + r.nextInt(40);
      for (int i = 0; i < n; i++) {
        w.put(i, BigDecimal.valueOf(r.nextInt(100_000), 2));
      }
      BigDecimal total = BigDecimal.valueOf(r.nextInt(10_000_000), 3);
      Map<Integer, BigDecimal> parts = Allocation.proportional(total, w, 3);
      assertEquals(0, total.compareTo(sum(parts.values())), "round " + round);
      parts.values().forEach(p -> assertTrue(p.signum() >= 0));
    }
  }

  @Test
  void zeroWeightsShareEvenly() {
    Map<String, BigDecimal> w = new LinkedHashMap<>();
    w.put("a", BigDecimal.ZERO);
    w.put("b", BigDecimal.ZERO);
    assertEquals(dec("5.000"), Allocation.proportional(dec("10"), w, 3).get("b"));
  }

  static PurchaseOrder order() {
    return new PurchaseOrder("o1", "PO-1", "p1", new PurchaseOrder.Buyer("Buyer", "DE", true, null),
        List.of(new PurchaseOrder.Line("L1", "coffee-cherry", "A", dec("10000"), dec("700"), LocalDate.of(2026, 5, 1),
            null), new PurchaseOrder.Line("L2", "coffee-cherry", "B", dec("2500.5"), dec("500"),
                LocalDate.of(2026, 5, 1), null)),
        PurchaseOrder.Status.CONFIRMED, Instant.now(), Instant.now(), 1);
  }

  static List<Grower> growers() {
    List<Grower> g = new ArrayList<>();
    g.add(new Grower("f1", "c1", dec("666.6667")));
    g.add(new Grower("f2", "c1", dec("1333.3334")));
    g.add(new Grower("f3", "c2", dec("2000.0001")));
    g.add(new Grower("f4", "c2", dec("0")));
    return g;
  }

  @Test
  void planSplitsEachLineByAreaTimesYieldAndKeepsTotals() {
    ProductionPlan plan = ProductionPlan.plan(order(), dec("400"), growers(), Instant.now());
    ProductionPlan.LinePlan l1 = plan.lines().get(0);
    assertEquals(dec("10000"), l1.quantityKg());
    assertEquals(0, dec("10000").compareTo(sum(l1.coops().stream().map(CoopQuota::quotaKg).toList())));
    // capacities: f1 400 kg, f2 800 kg, f3 1200 kg, f4 0 → c1 1200, c2 1200 → 5000 each
    assertEquals(dec("5000.000"), l1.coops().get(0).quotaKg());
    assertEquals(dec("1666.667"), l1.coops().get(0).farmers().get(0).quotaKg());
    assertEquals(dec("3333.333"), l1.coops().get(0).farmers().get(1).quotaKg());
    assertEquals(dec("0.000"), l1.coops().get(1).farmers().get(1).quotaKg(), "no area, no quota");
    for (ProductionPlan.LinePlan l : plan.lines()) {
      BigDecimal farmers = sum(l.coops().stream().flatMap(c -> c.farmers().stream()).map(FarmerQuota::quotaKg)
          .toList());
      assertEquals(0, l.quantityKg().compareTo(farmers), l.lineId());
    }
  }

  @Test
  void managerEditsKeepTheCoopTotal() {
    ProductionPlan plan = ProductionPlan.plan(order(), dec("400"), growers(), Instant.now());
    ProductionPlan next = plan.adjust("L1", "c2", Map.of("f4", dec("1000")), Instant.now());
    CoopQuota c2 = next.lines().get(0).coops().get(1);
    assertEquals(dec("1000.000"), c2.farmers().get(1).quotaKg());
    assertTrue(c2.farmers().get(1).fixed());
    assertEquals(dec("4000.000"), c2.farmers().get(0).quotaKg(), "f3 takes the rest");
    assertEquals(0, c2.quotaKg().compareTo(sum(c2.farmers().stream().map(FarmerQuota::quotaKg).toList())));
    assertEquals(plan.lines().get(1), next.lines().get(1), "other lines untouched");

    DomainException tooMuch = assertThrows(DomainException.class,
        () -> plan.adjust("L1", "c2", Map.of("f4", dec("5000.001")), Instant.now()));
    assertEquals("quotas", tooMuch.violations().get(0).field());
    DomainException stranger = assertThrows(DomainException.class,
        () -> plan.adjust("L1", "c2", Map.of("f1", dec("1")), Instant.now()));
    assertEquals("quotas.f1", stranger.violations().get(0).field());
    DomainException allFixedWrong = assertThrows(DomainException.class,
        () -> plan.adjust("L1", "c2", Map.of("f3", dec("1"), "f4", dec("2")), Instant.now()));
    assertEquals("quotas", allFixedWrong.violations().get(0).field());
  }

  @Test
  void massBalanceRecordsLossAndRefusesGrowth() {
    assertEquals(dec("80.5"), MassBalance.loss(List.of(dec("100"), dec("0.5")), List.of(dec("20"))));
    assertEquals(dec("0"), MassBalance.loss(List.of(dec("10")), List.of(dec("4"), dec("6"))));
    DomainException e = assertThrows(DomainException.class,
        () -> MassBalance.loss(List.of(dec("10")), List.of(dec("10.001"))));
    assertEquals("outputs", e.violations().get(0).field());
    assertThrows(DomainException.class, () -> MassBalance.loss(List.of(dec("10")), List.of(dec("0"))));
  }

  static BigDecimal sum(java.util.Collection<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
