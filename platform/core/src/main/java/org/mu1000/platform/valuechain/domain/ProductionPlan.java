package org.mu1000.platform.valuechain.domain;

import org.mu1000.platform.kernel.Mu;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;

/**
 * "Produce to the order": a confirmed order's lines split into quotas per cooperative and then per farmer, in
 * proportion to plot area × expected yield. The quotas of every line always add up to the line's quantity.
 */
public record ProductionPlan(String orderId, BigDecimal yieldKgPerMu, List<LinePlan> lines, Instant updatedAt,
    long version) {

  /** Kilograms are planned to the gram. */
  public static final int SCALE = 3;

  public ProductionPlan {
    lines = List.copyOf(lines);
  }

  public record LinePlan(String lineId, String commodity, String grade, BigDecimal quantityKg, List<CoopQuota> coops) {
    public LinePlan {
      coops = List.copyOf(coops);
    }
  }

  public record CoopQuota(String cooperativeId, BigDecimal quotaKg, List<FarmerQuota> farmers) {
    public CoopQuota {
      farmers = List.copyOf(farmers);
    }
  }

  /** {@code fixed} quotas were set by a coop manager and are kept when the rest is redistributed. */
  public record FarmerQuota(String farmerId, BigDecimal quotaKg, BigDecimal capacityKg, boolean fixed) {}

  /** A farmer able to produce for the plan: their enrolled area (m²) and cooperative. */
  public record Grower(String farmerId, String cooperativeId, BigDecimal areaM2) {}

  /** Plans every line of an order over the growers: coops by their capacity, then farmers inside each coop. */
  public static ProductionPlan plan(PurchaseOrder order, BigDecimal yieldKgPerMu, List<Grower> growers, Instant now) {
    if (yieldKgPerMu == null || yieldKgPerMu.signum() <= 0) {
      throw DomainException.invalid("yieldKgPerMu", "must be positive");
    }
    BigDecimal total = growers.stream().map(Grower::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (growers.isEmpty() || total.signum() == 0) {
      throw DomainException.invalid("programmeId", "no farmer of the programme has a plot with an area to plan on");
    }
    Map<String, Map<String, BigDecimal>> capacity = new LinkedHashMap<>();
    for (Grower g : growers) {
      capacity.computeIfAbsent(g.cooperativeId(), k -> new LinkedHashMap<>())
          .put(g.farmerId(), capacityKg(g.areaM2(), yieldKgPerMu));
    }
    Map<String, BigDecimal> coopCapacity = new LinkedHashMap<>();
    capacity.forEach((coop, farmers) -> coopCapacity.put(coop,
        farmers.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    List<LinePlan> lines = new ArrayList<>();
    for (PurchaseOrder.Line line : order.lines()) {
      Map<String, BigDecimal> perCoop = Allocation.proportional(line.quantityKg(), coopCapacity, SCALE);
      List<CoopQuota> coops = new ArrayList<>();
      perCoop.forEach((coop, kg) -> {
        Map<String, BigDecimal> perFarmer = Allocation.proportional(kg, capacity.get(coop), SCALE);
        List<FarmerQuota> fs = new ArrayList<>();
        perFarmer.forEach((f, q) -> fs.add(new FarmerQuota(f, q, capacity.get(coop).get(f), false)));
        coops.add(new CoopQuota(coop, kg, fs));
      });
      lines.add(new LinePlan(line.id(), line.commodity(), line.grade(), line.quantityKg(), coops));
    }
    return new ProductionPlan(order.id(), yieldKgPerMu, lines, now, 0);
  }

  /** What a plot of this area is expected to yield: m² ÷ 666.6667 × kg per mu. */
  public static BigDecimal capacityKg(BigDecimal areaM2, BigDecimal yieldKgPerMu) {
    return areaM2.multiply(yieldKgPerMu).divide(Mu.M2_PER_MU, SCALE, java.math.RoundingMode.HALF_EVEN);
  }

  /**
   * A coop manager sets some farmers' quotas of one line in one coop; the coop's other farmers share the rest in
   * proportion to their capacity, so the coop's (and the order's) total stays the same.
   */
  public ProductionPlan adjust(String lineId, String coopId, Map<String, BigDecimal> fixedQuotas, Instant now) {
    Violations v = new Violations();
    LinePlan line = lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("order line", lineId));
    CoopQuota coop = line.coops().stream().filter(c -> c.cooperativeId().equals(coopId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("cooperative in this plan line", coopId));
    Map<String, FarmerQuota> current = new LinkedHashMap<>();
    coop.farmers().forEach(f -> current.put(f.farmerId(), f));
    BigDecimal fixedSum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : fixedQuotas.entrySet()) {
      String at = "quotas." + e.getKey();
      v.require(current.containsKey(e.getKey()), at, "is not a farmer of cooperative " + coopId + " in this plan");
      v.require(e.getValue() != null && e.getValue().signum() >= 0, at, "must be zero or more kg");
      v.require(e.getValue() == null || e.getValue().scale() <= SCALE, at, "has more than 3 decimals (grams)");
      if (e.getValue() != null) {
        fixedSum = fixedSum.add(e.getValue());
      }
    }
    v.require(fixedSum.compareTo(coop.quotaKg()) <= 0, "quotas",
        "add up to " + fixedSum.toPlainString() + " kg, more than the cooperative's " + coop.quotaKg().toPlainString()
            + " kg of this line");
    List<String> free = current.keySet().stream().filter(f -> !fixedQuotas.containsKey(f)).toList();
    v.require(!free.isEmpty() || fixedSum.compareTo(coop.quotaKg()) == 0, "quotas",
        "set every farmer's quota, so they must add up to the cooperative's " + coop.quotaKg().toPlainString() + " kg");
    v.throwIfAny();
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    free.forEach(f -> weights.put(f, current.get(f).capacityKg()));
    Map<String, BigDecimal> rest = Allocation.proportional(coop.quotaKg().subtract(fixedSum), weights, SCALE);
    List<FarmerQuota> farmers = new ArrayList<>();
    for (FarmerQuota f : coop.farmers()) {
      BigDecimal fixed = fixedQuotas.get(f.farmerId());
      farmers.add(fixed != null ? new FarmerQuota(f.farmerId(), fixed.setScale(SCALE), f.capacityKg(), true)
          : new FarmerQuota(f.farmerId(), rest.get(f.farmerId()), f.capacityKg(), false));
    }
    List<LinePlan> nextLines = new ArrayList<>();
    for (LinePlan l : lines) {
      if (!l.lineId().equals(lineId)) {
        nextLines.add(l);
        continue;
      }
      List<CoopQuota> cs = new ArrayList<>();
      for (CoopQuota c : l.coops()) {
        cs.add(c.cooperativeId().equals(coopId) ? new CoopQuota(c.cooperativeId(), c.quotaKg(), farmers) : c);
      }
      nextLines.add(new LinePlan(l.lineId(), l.commodity(), l.grade(), l.quantityKg(), cs));
    }
    return new ProductionPlan(orderId, yieldKgPerMu, nextLines, now, version);
  }

  /** A farmer's quotas over all lines (what they see before planting). */
  public List<FarmerQuota> quotasOf(String farmerId) {
    List<FarmerQuota> out = new ArrayList<>();
    lines.forEach(l -> l.coops().forEach(c -> c.farmers().stream().filter(f -> f.farmerId().equals(farmerId))
        .forEach(out::add)));
    return out;
  }
}
