package org.mu1000.platform.impact.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.api.ImpactApi;
import org.mu1000.platform.impact.application.ImpactFigures;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.impact.application.ImpactRebuild;

@RequestScoped
public class ImpactResource implements ImpactApi {
  private ImpactFigures figures;
  private ImpactRebuild recompute;
  private TenantContext ctx;

  protected ImpactResource() {}

  @Inject
  public ImpactResource(ImpactFigures figures, ImpactRebuild recompute, TenantContext ctx) {
    this.figures = figures;
    this.recompute = recompute;
    this.ctx = ctx;
  }

  @Override
  public Response getImpact(String tenant, String programmeId, String season, String level, String id) {
    return Response.ok(view(figures.figures(ctx.tenant(), ctx.caller(), programmeId, season, level, id),
        ctx.tenant())).build();
  }

  @Override
  public Response getImpactByCooperative(String tenant, String programmeId, String season) {
    return Response.ok(figures.cooperatives(ctx.tenant(), ctx.caller(), programmeId, season).stream()
        .map(f -> view(f, ctx.tenant())).toList()).build();
  }

  @Override
  public Response recomputeImpact(String tenant) {
    return Response.ok(recompute.rebuild(ctx.tenant(), ctx.caller())).build();
  }

  @Override
  public Response noop(String tenant, Map<String, Object> body) {
    ctx.caller();
    return Response.status(201).entity(Map.of()).build();
  }

  /** Figures as the contract shows them: exact sums, cents for display, the area in the tenant's unit. */
  public static Map<String, Object> view(ImpactFigures.Figures f, Tenant t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", f.level());
    m.put("id", f.id());
    m.put("programmeId", f.programmeId());
    m.put("season", f.season());
    m.put("valueUsd", f.usd());
    m.put("value", Map.of("amount", f.local(), "currency", t.config().currency()));
    m.put("kg", f.kg());
    m.put("lots", f.lots());
    m.put("areaM2", f.areaM2());
    m.put("area", Map.of("value", t.config().areaUnit().fromSquareMetres(f.areaM2()), "unit",
        t.config().areaUnit().code()));
    m.put("usdPerMu", Impact.cents(f.usdPerMu()));
    m.put("usdPerMuExact", f.usdPerMu() == null ? null : f.usdPerMu().toPlainString());
    m.put("targetUsdPerMu", f.targetUsdPerMu());
    if (f.farmers() != null) {
      m.put("deliveringFarmers", f.farmers());
      m.put("women", f.women());
      m.put("womenShare", f.farmers() == 0 ? null : BigDecimal.valueOf(f.women())
          .divide(BigDecimal.valueOf(f.farmers()), 4, RoundingMode.HALF_EVEN));
      m.put("householdsCrossedPovertyLine", f.crossed());
      List<String> labels = Impact.bandLabels(f.targetUsdPerMu());
      List<Map<String, Object>> bands = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        bands.add(Map.of("label", labels.get(i), "farmers", f.bands().get(i)));
      }
      m.put("bands", bands);
      m.put("usdByMonth", f.usdByMonth());
    }
    return m;
  }
}
