package org.mu1000.platform.impact.interfaces.rest;

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
}
