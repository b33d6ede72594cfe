package org.mu1000.platform.registry.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mu1000.api.FarmersApi;
import org.mu1000.api.model.Farmer;
import org.mu1000.api.model.FarmerPage;
import org.mu1000.api.model.Sex;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class FarmerResource implements FarmersApi {
  private FarmerService farmers;
  private PlotService plots;
  private TenantContext ctx;

  protected FarmerResource() {}

  @Inject
  public FarmerResource(FarmerService farmers, PlotService plots, TenantContext ctx) {
    this.farmers = farmers;
    this.plots = plots;
    this.ctx = ctx;
  }

  @Override
  public Response createFarmer(String tenant, Farmer farmer, String idempotencyKey) {
    var saved = farmers.create(ctx.tenant(), ctx.caller(), RegistryMapper.input(farmer));
    return Http.created("tenants/" + tenant + "/farmers/" + saved.id(),
        RegistryMapper.api(saved, List.of(), ctx.tenant()), saved.version());
  }

  @Override
  public Response deleteFarmer(String tenant, String id, String ifMatch) {
    farmers.delete(ctx.tenant(), ctx.caller(), id, Http.expectedVersion(ifMatch, null));
    return Response.noContent().build();
  }

  @Override
  public Response getFarmer(String tenant, String id) {
    var f = farmers.get(ctx.tenant(), ctx.caller(), id);
    return Http.ok(RegistryMapper.api(f, plots.of(ctx.tenant(), ctx.caller(), id), ctx.tenant()), f.version());
  }

  @Override
  public Response listFarmers(String tenant, Integer page, Integer size, String cooperativeId, String programmeId,
      Sex sex, String namePrefix, String sort) {
    var p = farmers.list(ctx.tenant(), ctx.caller(), cooperativeId, programmeId,
        sex == null ? null : org.mu1000.platform.registry.domain.Sex.of(sex.toString()), namePrefix, sort,
        Http.page(page), Http.size(size));
    FarmerPage out = new FarmerPage();
    out.setItems(p.items().stream().map(f -> RegistryMapper.api(f, null, ctx.tenant())).toList());
    out.setTotal(p.total());
    out.setPage(Http.page(page));
    out.setSize(Http.size(size));
    return Response.ok(out).build();
  }

  @Override
  public Response updateFarmer(String tenant, String id, Farmer farmer, String ifMatch) {
    var saved = farmers.update(ctx.tenant(), ctx.caller(), id, RegistryMapper.input(farmer),
        Http.expectedVersion(ifMatch, farmer.getVersion()));
    return Http.ok(RegistryMapper.api(saved, plots.of(ctx.tenant(), ctx.caller(), id), ctx.tenant()), saved.version());
  }
}
