package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.impact.domain.PaidIncome;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupDocs;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The live figures as people read them: one plot's, farmer's, cooperative's or programme's USD per mu in a season,
 * and the cooperatives of a programme side by side. Farmers' and plots' figures are person-level: not for donors.
 */
@ApplicationScoped
public class ImpactFigures {
  private RollupStore store;
  private Registry registry;
  private PaidIncome paid;
  private FundingService funding;

  protected ImpactFigures() {}

  @Inject
  public ImpactFigures(RollupStore store, Registry registry, PaidIncome paid, FundingService funding) {
    this.funding = funding;
    this.store = store;
    this.registry = registry;
    this.paid = paid;
  }

  // ---- reading ----

  /**
   * The figures of one plot, farmer, cooperative or programme in one season. {@code crossed} counts the households
   * that crossed the poverty line on the value of the lots they delivered; {@code paid} is what the programme's
   * farmers were actually paid in the last 365 days, and {@code crossedOnPayouts} the households that crossed the line
   * on that.
   */
  public record Figures(String level, String id, String programmeId, String season, BigDecimal usd, BigDecimal local,
      BigDecimal kg, int lots, BigDecimal areaM2, BigDecimal usdPerMu, BigDecimal targetUsdPerMu, Integer farmers,
      Integer women, Integer crossed, List<Integer> bands, Map<String, BigDecimal> usdByMonth, BigDecimal paid,
      Integer crossedOnPayouts, boolean suppressed) {
    /** Women among the farmers who delivered, in percent to 2 decimals; null without farmers. */
    public BigDecimal womenSharePercent() {
      return farmers == null || farmers == 0 || women == null ? null : BigDecimal.valueOf(women * 100L)
          .divide(BigDecimal.valueOf(farmers), 2, java.math.RoundingMode.HALF_EVEN);
    }

    /** What a donor is shown of figures computed from fewer than 5 farmers: which figures they are, no value. */
    Figures hidden() {
      return new Figures(level, id, programmeId, season, null, null, null, 0, null, null, targetUsdPerMu, null, null,
          null, null, null, null, null, true);
    }
  }

  /** A donor sees no figure computed from fewer farmers than this. */
  public static final int SMALL_CELL = 5;

  /**
   * A level's figures; a donor's only for a programme their funder funds, and only when computed from at least
   * {@link #SMALL_CELL} farmers (a cooperative's: of its farmers enrolled in the programme).
   */
  public Figures figures(Tenant t, Caller c, String programmeId, String season, String level, String id) {
    Figures f = computed(t, c, programmeId, season, level, id);
    if (!FundingService.donorOnly(c)) {
      return f;
    }
    int farmers = f.farmers() != null ? f.farmers() : level.equals("coop") ? (int) registry.repository(t).farmers(
        new RegistryRepository.FarmerFilter(f.id(), null, programmeId, null, null), "familyName", true, 0, 1)
        .total() : 0;
    return farmers < SMALL_CELL ? f.hidden() : f;
  }

  private Figures computed(Tenant t, Caller c, String programmeId, String season, String level, String id) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("your role may not read impact figures");
    }
    funding.requireFunded(t, c, programmeId);
    RegistryRepository repo = registry.repository(t);
    Programme p = repo.programme(programmeId).orElseThrow(() -> DomainException.notFound("programme", programmeId));
    RollupTable rollups = store.table(t, RollupStore.ROLLUPS);
    RollupTable areas = store.table(t, RollupStore.AREAS);
    if ((level.equals("farmer") || level.equals("plot")) && !c.mayReadPersons()) {
      throw DomainException.forbidden("your role sees programme and cooperative figures, not a farmer's or a plot's");
    }
    String key = switch (level) {
      case "programme" -> programmeId;
      case "coop", "plot", "farmer" -> id;
      default -> throw DomainException.invalid("level", "must be one of plot, farmer, coop, programme");
    };
    if (key == null || key.isBlank()) {
      throw DomainException.invalid("id", "is required for level " + level);
    }
    Rollup[] enrolment = {null};
    BigDecimal area = switch (level) {
      case "programme" -> RollupDocs.num(areas.get("programme|" + programmeId), "area");
      case "coop" -> {
        if (!c.maySeeCoop(key)) {
          throw DomainException.notFound("cooperative", key);
        }
        yield RollupDocs.num(areas.get("coop|" + programmeId + "|" + key), "area");
      }
      case "farmer" -> {
        Farmer f = repo.farmer(key).filter(x -> c.maySeeCoop(x.cooperativeId()))
            .orElseThrow(() -> DomainException.notFound("farmer", id));
        enrolment[0] = areas.get(RollupDocs.enrolmentId(key));
        yield f.programmeIds().contains(programmeId) ? RollupDocs.num(enrolment[0], "area") : BigDecimal.ZERO;
      }
      default -> {
        Plot pl = repo.plot(key).orElseThrow(() -> DomainException.notFound("plot", id));
        repo.farmer(pl.farmerId()).filter(x -> c.maySeeCoop(x.cooperativeId()))
            .orElseThrow(() -> DomainException.notFound("plot", id));
        yield pl.areaM2();
      }
    };
    // a farmer's sums are on their enrolment; the others' in rollups of their own
    Rollup d = level.equals("farmer") ? RollupDocs.seasonOf(enrolment[0], RollupDocs.seasonKey(season, programmeId))
        : rollups.get(season + "|" + programmeId + "|" + level + "|" + key);
    Rollup r = d == null ? new Rollup() : d;
    BigDecimal usd = RollupDocs.num(r, "usd");
    boolean programme = level.equals("programme");
    Map<String, BigDecimal> months = null;
    if (programme) {
      months = new java.util.TreeMap<>();
      for (Map.Entry<String, Object> e : r.subOrEmpty("months").entrySet()) {
        months.put(e.getKey(), (BigDecimal) e.getValue());
      }
    }
    OnPayouts onPayouts = programme ? onPayouts(t, programmeId, areas) : null;
    return new Figures(level, key, programmeId, season, usd, RollupDocs.num(r, "local"), RollupDocs.num(r, "kg"),
        r.getInteger("lots", 0),
        area, Impact.usdPerMu(usd, area), p.targetUsdPerMu(), programme ? r.getInteger("farmers", 0) : null,
        programme ? r.getInteger("women", 0) : null, programme ? r.getInteger("crossed", 0) : null,
        programme ? RollupDocs.bands(r) : null, months, programme ? onPayouts.paid() : null,
        programme ? onPayouts.crossed() : null, false);
  }

  private record OnPayouts(BigDecimal paid, int crossed) {}

  /**
   * What the programme's farmers were paid in the last year, and how many households it lifted over the poverty
   * line. Only a farmer who was paid can have crossed on payouts, so only they are looked at.
   */
  private OnPayouts onPayouts(Tenant t, String programmeId, RollupTable areas) {
    BigDecimal sum = BigDecimal.ZERO;
    int crossed = 0;
    for (Map.Entry<String, BigDecimal> e : paid.paidWithinYear(t, java.time.LocalDate.now()).entrySet()) {
      Rollup enrol = areas.get(RollupDocs.enrolmentId(e.getKey()));
      Object programmes = enrol == null ? null : enrol.get("programmes");
      if (!(programmes instanceof List<?> ps) || !ps.contains(programmeId)) {
        continue;
      }
      sum = sum.add(e.getValue());
      if (enrol.get("baselineIncome") != null && enrol.getInteger("householdSize", 0) > 0
          && enrol.get("povertyLine") != null && Impact.crossed(RollupDocs.num(enrol, "baselineIncome"), e.getValue(),
              enrol.getInteger("householdSize"), RollupDocs.num(enrol, "povertyLine"))) {
        crossed++;
      }
    }
    return new OnPayouts(sum, crossed);
  }

  /** The cooperatives of a programme with their figures (dashboard comparison). */
  public List<Figures> cooperatives(Tenant t, Caller c, String programmeId, String season) {
    List<Figures> out = new ArrayList<>();
    for (var coop : registry.repository(t).cooperatives()) {
      if (c.maySeeCoop(coop.id())) {
        out.add(figures(t, c, programmeId, season, "coop", coop.id()));
      }
    }
    return out;
  }
}
