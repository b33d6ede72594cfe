package org.mu1000.platform.registry.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.mu1000.api.PlotsApi;
import org.mu1000.api.model.Plot;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class PlotResource implements PlotsApi {
  private PlotService plots;
  private TenantContext ctx;

  protected PlotResource() {}

  @Inject
  public PlotResource(PlotService plots, TenantContext ctx) {
    this.plots = plots;
    this.ctx = ctx;
  }

  @Override
  public Response createPlot(String tenant, String id, Plot plot, String idempotencyKey) {
    var saved = plots.create(ctx.tenant(), ctx.caller(), id, plot.getExternalId(), plot.getCrop(),
        plot.getPlantingYear(), plot.getGeometry(), plot.getDeclaredAreaM2());
    return Http.created("tenants/" + tenant + "/plots/" + saved.id(), RegistryMapper.api(saved, ctx.tenant()),
        saved.version());
  }

  @Override
  public Response deletePlot(String tenant, String id, String ifMatch) {
    plots.delete(ctx.tenant(), ctx.caller(), id, Http.expectedVersion(ifMatch, null));
    return Response.noContent().build();
  }

  @Override
  public Response getPlot(String tenant, String id) {
    var p = plots.get(ctx.tenant(), ctx.caller(), id);
    return Http.ok(RegistryMapper.api(p, ctx.tenant()), p.version());
  }

  @Override
  public Response listFarmerPlots(String tenant, String id) {
    return Response.ok(plots.of(ctx.tenant(), ctx.caller(), id).stream()
        .map(p -> RegistryMapper.api(p, ctx.tenant())).toList()).build();
  }

  @Override
  public Response updatePlot(String tenant, String id, Plot plot, String ifMatch) {
    var saved = plots.update(ctx.tenant(), ctx.caller(), id, plot.getExternalId(), plot.getCrop(),
        plot.getPlantingYear(), plot.getGeometry(), plot.getDeclaredAreaM2(),
        Http.expectedVersion(ifMatch, plot.getVersion()));
    return Http.ok(RegistryMapper.api(saved, ctx.tenant()), saved.version());
  }
}
