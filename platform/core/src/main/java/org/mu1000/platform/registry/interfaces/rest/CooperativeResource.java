package org.mu1000.platform.registry.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.mu1000.api.CooperativesApi;
import org.mu1000.api.model.Cooperative;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class CooperativeResource implements CooperativesApi {
  private OrganisationService orgs;
  private TenantContext ctx;

  protected CooperativeResource() {}

  @Inject
  public CooperativeResource(OrganisationService orgs, TenantContext ctx) {
    this.orgs = orgs;
    this.ctx = ctx;
  }

  @Override
  public Response createCooperative(String tenant, Cooperative cooperative, String idempotencyKey) {
    var saved = orgs.create(ctx.tenant(), ctx.caller(), RegistryMapper.coop(cooperative));
    return Http.created("tenants/" + tenant + "/cooperatives/" + saved.id(), RegistryMapper.api(saved),
        saved.version());
  }

  @Override
  public Response deleteCooperative(String tenant, String id, String ifMatch) {
    orgs.deleteCooperative(ctx.tenant(), ctx.caller(), id, Http.expectedVersion(ifMatch, null));
    return Response.noContent().build();
  }

  @Override
  public Response getCooperative(String tenant, String id) {
    var c = orgs.cooperative(ctx.tenant(), ctx.caller(), id);
    return Http.ok(RegistryMapper.api(c), c.version());
  }

  @Override
  public Response listCooperatives(String tenant) {
    return Response.ok(orgs.cooperatives(ctx.tenant(), ctx.caller()).stream().map(RegistryMapper::api).toList())
        .build();
  }

  @Override
  public Response updateCooperative(String tenant, String id, Cooperative cooperative, String ifMatch) {
    var saved = orgs.update(ctx.tenant(), ctx.caller(), id, RegistryMapper.coop(cooperative),
        Http.expectedVersion(ifMatch, cooperative.getVersion()));
    return Http.ok(RegistryMapper.api(saved), saved.version());
  }
}
