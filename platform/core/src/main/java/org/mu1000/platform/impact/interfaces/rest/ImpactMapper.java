package org.mu1000.platform.impact.interfaces.rest;

import java.util.Map;
import java.util.LinkedHashMap;
import org.mu1000.platform.impact.application.JobsService;
import org.mu1000.platform.impact.domain.JobsDeclaration;
import org.mu1000.platform.impact.domain.JobsDeclaration.Jobs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.mu1000.api.model.Area;
import org.mu1000.api.model.AreaUnit;
import org.mu1000.api.model.ImpactFiguresBandsInner;
import org.mu1000.api.model.Money;
import org.mu1000.api.model.Recompute;
import org.mu1000.platform.impact.application.ImpactFigures;
import org.mu1000.platform.impact.application.ImpactRebuild;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.tenancy.domain.Tenant;

/** The impact figures as the contract shows them: exact sums, cents for display, the area in the tenant's unit. */
public final class ImpactMapper {
  private ImpactMapper() {}

  public static org.mu1000.api.model.ImpactFigures figures(ImpactFigures.Figures f, Tenant t) {
    if (f.suppressed()) {
      return new org.mu1000.api.model.ImpactFigures().level(f.level()).id(f.id()).programmeId(f.programmeId())
          .season(f.season()).targetUsdPerMu(f.targetUsdPerMu()).suppressed(true);
    }
    var unit = t.config().areaUnit();
    org.mu1000.api.model.ImpactFigures a = new org.mu1000.api.model.ImpactFigures().level(f.level()).id(f.id())
        .programmeId(f.programmeId()).season(f.season()).valueUsd(f.usd())
        .value(new Money(f.local(), t.config().currency())).kg(f.kg()).lots(f.lots()).areaM2(f.areaM2())
        .area(new Area().value(unit.fromSquareMetres(f.areaM2())).unit(AreaUnit.fromValue(unit.code())))
        .usdPerMu(Impact.cents(f.usdPerMu()))
        .usdPerMuExact(f.usdPerMu() == null ? null : f.usdPerMu().toPlainString())
        .targetUsdPerMu(f.targetUsdPerMu());
    if (f.farmers() != null) {
      List<String> labels = Impact.bandLabels(f.targetUsdPerMu());
      List<ImpactFiguresBandsInner> bands = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        bands.add(new ImpactFiguresBandsInner().label(labels.get(i)).farmers(f.bands().get(i)));
      }
      a.deliveringFarmers(f.farmers()).women(f.women())
          .womenShare(f.farmers() == 0 ? null : BigDecimal.valueOf(f.women())
              .divide(BigDecimal.valueOf(f.farmers()), 4, RoundingMode.HALF_EVEN))
          .householdsCrossedPovertyLine(f.crossed()).bands(bands).usdByMonth(f.usdByMonth())
          .paidToFarmers(new Money(f.paid(), t.config().currency()))
          .householdsCrossedPovertyLineOnPayouts(f.crossedOnPayouts());
    }
    return a;
  }

  public static Recompute recompute(ImpactRebuild.Rebuilt r) {
    return new Recompute().farmers(r.farmers()).lots(r.lots()).rollups(r.rollups()).millis(r.millis())
        .identical(r.identical()).differences(r.differences());
  }

  static org.mu1000.api.model.JobsDeclaration jobs(JobsDeclaration d) {
    return new org.mu1000.api.model.JobsDeclaration().programmeId(d.programmeId()).cooperativeId(d.cooperativeId())
        .period(d.period()).processing(jobs(d.processing())).warehouses(jobs(d.warehouses()))
        .logistics(jobs(d.logistics())).declaredBy(d.declaredBy()).declaredAt(d.declaredAt() == null ? null
            : d.declaredAt().atOffset(java.time.ZoneOffset.UTC)).version(d.version());
  }

  static JobsDeclaration jobs(org.mu1000.api.model.JobsDeclaration in) {
    return new JobsDeclaration(null, in.getProgrammeId(), in.getCooperativeId(), in.getPeriod(), jobs(
        in.getProcessing()), jobs(in.getWarehouses()), jobs(in.getLogistics()), null, null, 0);
  }

  private static Jobs jobs(org.mu1000.api.model.Jobs j) {
    return j == null ? null : new Jobs(j.getWomen() == null ? 0 : j.getWomen(), j.getMen() == null ? 0 : j.getMen());
  }

  private static org.mu1000.api.model.Jobs jobs(Jobs j) {
    return new org.mu1000.api.model.Jobs().women(j.women()).men(j.men());
  }

  static org.mu1000.api.model.JobsSummary jobs(JobsService.Summary s) {
    Map<String, org.mu1000.api.model.Jobs> sectors = new LinkedHashMap<>();
    s.bySector().forEach((k, v) -> sectors.put(k, jobs(v)));
    Map<String, org.mu1000.api.model.Jobs> periods = new LinkedHashMap<>();
    s.byPeriod().forEach((k, v) -> periods.put(k, jobs(v)));
    return new org.mu1000.api.model.JobsSummary().programmeId(s.programmeId()).jobs(s.jobs()).women(s.women())
        .womenShare(s.womenShare()).cooperatives(s.cooperatives()).bySector(sectors).byPeriod(periods);
  }
}
