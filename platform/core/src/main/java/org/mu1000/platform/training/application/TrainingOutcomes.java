package org.mu1000.platform.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mu1000.platform.impact.application.FundingService;
import org.mu1000.platform.impact.application.ImpactFigures;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.AgeBand;
import org.mu1000.platform.training.domain.Attendance;
import org.mu1000.platform.training.domain.Harvests;
import org.mu1000.platform.training.domain.TrainingStore;

/**
 * What training reached and what it changed, for one programme: farmers trained (by sex and age band), and the USD
 * per mu and grade mix of the trained beside the not yet trained, on the programme's farmers of one season (or all
 * seasons). The USD per mu of a group is the value of its farmers' lots over the area of all their enrolled plots,
 * as the programme's own figure is. A group of fewer than {@link ImpactFigures#SMALL_CELL} farmers is shown to donors as "fewer
 * than 5" with no figures: a figure of so few could point at a person.
 */
@ApplicationScoped
public class TrainingOutcomes {

  private TrainingService training;
  private Registry registry;
  private Harvests harvests;
  private FundingService funding;

  protected TrainingOutcomes() {}

  @Inject
  public TrainingOutcomes(TrainingService training, Registry registry, Harvests harvests, FundingService funding) {
    this.funding = funding;
    this.training = training;
    this.registry = registry;
    this.harvests = harvests;
  }

  /** One group's figures; {@code suppressed} when it has too few farmers to show to a donor. */
  public record Group(String group, int farmers, boolean suppressed, Integer deliveringFarmers, BigDecimal valueUsd,
      BigDecimal areaM2, BigDecimal usdPerMu, Map<String, BigDecimal> kgByGrade, Map<String, BigDecimal> gradeShare) {}

  public record Outcomes(String programmeId, String season, int courses, int sessions, int trainedFarmers,
      Integer trainedWomen, BigDecimal trainedWomenShare, Map<String, Integer> ageBands, List<Group> groups) {}

  public Outcomes of(Tenant t, Caller c, String programmeId, String season) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("training outcomes are read by the programme's staff and donors");
    }
    funding.requireFunded(t, c, programmeId);
    RegistryRepository repo = registry.repository(t);
    if (programmeId == null || repo.programme(programmeId).isEmpty()) {
      throw DomainException.invalid("programmeId", "is not a programme of this tenant");
    }
    return compute(t, programmeId, season, !c.mayReadRegistry());
  }

  /** The outcomes, the groups of fewer than {@link ImpactFigures#SMALL_CELL} farmers hidden when {@code suppress}. */
  Outcomes compute(Tenant t, String programmeId, String season, boolean suppress) {
    RegistryRepository repo = registry.repository(t);
    TrainingStore store = training.store(t);
    Map<String, Attendance> trained = trained(t, programmeId);
    Map<String, Integer> bands = new LinkedHashMap<>();
    AgeBand.BANDS.forEach(b -> bands.put(b, 0));
    int women = 0;
    for (Attendance a : trained.values()) {
      bands.merge(a.ageBand(), 1, Integer::sum);
      if (Sex.FEMALE.code().equals(a.sex())) {
        women++;
      }
    }
    // the programme's farmers and the area of their plots
    Set<String> enrolled = new HashSet<>();
    repo.forEachFarmer(f -> {
      if (f.programmeIds().contains(programmeId)) {
        enrolled.add(f.id());
      }
    });
    Map<String, BigDecimal> area = new HashMap<>();
    repo.forEachPlot(p -> {
      if (enrolled.contains(p.farmerId()) && p.areaM2() != null) {
        area.merge(p.farmerId(), p.areaM2(), BigDecimal::add);
      }
    });
    Map<String, Harvests.Delivered> delivered = harvests.of(t, programmeId, season);
    Acc yes = new Acc("trained");
    Acc notYet = new Acc("not-yet-trained");
    for (String f : enrolled) {
      (trained.containsKey(f) ? yes : notYet).add(area.get(f), delivered.get(f));
    }
    int n = trained.size();
    boolean few = suppress && n < ImpactFigures.SMALL_CELL;
    return new Outcomes(programmeId, season,
        (int) store.count(TrainingStore.COURSES, Where.eq("programmeId", programmeId)),
        (int) store.count(TrainingStore.SESSIONS, Where.eq("programmeId", programmeId)), n,
        few ? null : women, few || n == 0 ? null : share(BigDecimal.valueOf(women), BigDecimal.valueOf(n)),
        few ? null : bands, List.of(yes.group(suppress), notYet.group(suppress)));
  }

  /** Who the programme trained: each farmer's first attendance, which counts their sex and age band once. */
  Map<String, Attendance> trained(Tenant t, String programmeId) {
    Map<String, Attendance> trained = new HashMap<>();
    for (Attendance a : training.store(t).scan(TrainingStore.ATTENDANCE, Where.eq("programmeId", programmeId),
        TrainingStore.COUNTED, Attendance.class)) {
      trained.merge(a.farmerId(), a, (x, y) -> x.date().isAfter(y.date()) ? y : x);
    }
    return trained;
  }

  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_EVEN);
  }

  /** The sums of one group. */
  private static final class Acc {
    final String name;
    int farmers;
    int delivering;
    BigDecimal usd = BigDecimal.ZERO;
    BigDecimal area = BigDecimal.ZERO;
    final Map<String, BigDecimal> kg = new TreeMap<>();

    Acc(String name) {
      this.name = name;
    }

    void add(BigDecimal areaM2, Harvests.Delivered d) {
      farmers++;
      if (areaM2 != null) {
        area = area.add(areaM2);
      }
      if (d != null) {
        delivering++;
        usd = usd.add(d.usd());
        d.kgByGrade().forEach((g, k) -> kg.merge(g, k, BigDecimal::add));
      }
    }

    Group group(boolean suppress) {
      if (suppress && farmers < ImpactFigures.SMALL_CELL) {
        return new Group(name, farmers, true, null, null, null, null, null, null);
      }
      BigDecimal total = kg.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      Map<String, BigDecimal> shares = new TreeMap<>();
      kg.forEach((g, k) -> shares.put(g, share(k, total)));
      return new Group(name, farmers, false, delivering, Impact.cents(usd), area,
          area.signum() == 0 ? null : Impact.cents(Impact.usdPerMu(usd, area)), new TreeMap<>(kg), shares);
    }
  }
}
