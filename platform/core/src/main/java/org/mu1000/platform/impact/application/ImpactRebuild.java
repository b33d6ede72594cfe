package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.impact.domain.HarvestLots;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupDocs;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The rebuild of every rollup from the registry and the raw lots with the same code the live updates use, and the
 * fingerprint of the stored rollups that says whether the live ones were identical.
 */
@ApplicationScoped
public class ImpactRebuild {
  private ImpactService impact;
  private RollupStore store;
  private Registry registry;
  private HarvestLots harvests;

  protected ImpactRebuild() {}

  @Inject
  public ImpactRebuild(ImpactService impact, RollupStore store, Registry registry,
      HarvestLots harvests) {
    this.impact = impact;
    this.store = store;
    this.registry = registry;
    this.harvests = harvests;
  }

  // ---- recompute ----

  /**
   * The admin action: rebuilds every rollup from the registry and every harvest lot, and says whether the live ones
   * were identical (and, if not, which documents differed, the first 20).
   */
  /** What a rebuild did: how much it read and wrote, how long it took, and whether the live rollups were right. */
  public record Rebuilt(int farmers, int lots, int rollups, long millis, boolean identical, List<String> differences) {
    /** As the audit trail keeps it. */
    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("farmers", farmers);
      m.put("lots", lots);
      m.put("rollups", rollups);
      m.put("millis", millis);
      m.put("identical", identical);
      m.put("differences", differences);
      return m;
    }
  }

  public Rebuilt rebuild(Tenant t, Caller c) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins recompute the impact figures");
    }
    Map<String, Object> before = snapshot(t);
    Rebuilt done = recompute(t, harvests.contributions(t));
    Map<String, Object> after = snapshot(t);
    List<String> differences = new ArrayList<>();
    for (String k : new java.util.TreeSet<>(after.keySet())) {
      if (!java.util.Objects.equals(before.get(k), after.get(k))) {
        differences.add(k);
      }
    }
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(differences::add);
    Rebuilt out = new Rebuilt(done.farmers(), done.lots(), done.rollups(), done.millis(), differences.isEmpty(),
        differences.stream().limit(20).toList());
    registry.audit(t, c.username(), "impact.recomputed", "impact", t.id(), null, out.asMap());
    return out;
  }

  /** Rebuilds every rollup of the tenant from the registry and the raw harvest lots, then replaces the stored ones. */
  private Rebuilt recompute(Tenant t, Iterable<Contribution> lots) {
    long t0 = System.nanoTime();
    ImpactService.Tables mem = ImpactService.Tables.memory();
    // one pass over plots and one over farmers: no per-farmer queries (a wire server without indexes scans)
    RegistryRepository repo = registry.repository(t);
    Map<String, List<Plot>> plots = new java.util.HashMap<>();
    repo.forEachPlot(p -> plots.computeIfAbsent(p.farmerId(), k -> new ArrayList<>()).add(p));
    int[] farmers = {0};
    repo.forEachFarmer(f -> {
      Rollup ps = new Rollup();
      plots.getOrDefault(f.id(), List.of()).stream().filter(p -> p.areaM2() != null)
          .forEach(p -> ps.put(p.id(), RollupDocs.dec(p.areaM2())));
      impact.enrol(t, mem, f.id(), Optional.of(f), x -> ps, false);
      farmers[0]++;
    });
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    int count = 0;
    for (Contribution k : lots) {
      impact.apply(t, mem, k, 1, today);
      count++;
    }
    store.replaceAll(t, RollupStore.ROLLUPS, ((RollupTable.Memory) mem.rollups()).all());
    store.replaceAll(t, RollupStore.AREAS, ((RollupTable.Memory) mem.areas()).all());
    return new Rebuilt(farmers[0], count, ((RollupTable.Memory) mem.rollups()).all().size(),
        (System.nanoTime() - t0) / 1_000_000, false, List.of());
  }

  /**
   * A fingerprint of every rollup document (SHA-256 of its key-sorted content, decimals normalised), for the
   * recompute check: small enough to hold for hundreds of thousands of documents.
   */
  public Map<String, Object> snapshot(Tenant t) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (String kind : List.of(RollupStore.ROLLUPS, RollupStore.AREAS)) {
      store.forEach(t, kind, (id, d) -> {
        d.remove("v");
        out.put(kind + "/" + id, org.mu1000.platform.traceability.domain.HashChain.hash(
            String.valueOf(sorted(d)), Map.of()));
      });
    }
    return out;
  }

  /**
   * A document as a key-sorted map, so two rollups built in a different order compare equal. In the tallies by band,
   * month and payout day a zero is the same as no entry: live, a farmer's band can pass through a band (an area
   * changing between deliveries) that a recompute, which knows the final areas from the start, never visits.
   */
  public static Object sorted(Object o) {
    return sorted(o, false);
  }

  private static final java.util.Set<String> TALLIES = java.util.Set.of("bands", "months", "paid");

  private static Object sorted(Object o, boolean tally) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> {
        Object value = sorted(v, TALLIES.contains(String.valueOf(k)));
        if (!(tally && ("0".equals(value) || Integer.valueOf(0).equals(value)))) {
          out.put(String.valueOf(k), value);
        }
      });
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(ImpactRebuild::sorted).toList();
    }
    if (o instanceof BigDecimal v) {
      return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
    return o;
  }
}
