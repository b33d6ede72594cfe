package org.mu1000.platform.registry.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.mu1000.api.ProgrammesApi;
import org.mu1000.api.model.Programme;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class ProgrammeResource implements ProgrammesApi {
  private OrganisationService orgs;
  private TenantContext ctx;

  protected ProgrammeResource() {}

  @Inject
  public ProgrammeResource(OrganisationService orgs, TenantContext ctx) {
    this.orgs = orgs;
    this.ctx = ctx;
  }

  @Override
  public Response createProgramme(String tenant, Programme programme, String idempotencyKey) {
    var saved = orgs.create(ctx.tenant(), ctx.caller(), RegistryMapper.programme(programme));
    return Http.created("tenants/" + tenant + "/programmes/" + saved.id(), RegistryMapper.api(saved), saved.version());
  }

  @Override
  public Response deleteProgramme(String tenant, String id, String ifMatch) {
    orgs.deleteProgramme(ctx.tenant(), ctx.caller(), id, Http.expectedVersion(ifMatch, null));
    return Response.noContent().build();
  }

  @Override
  public Response getProgramme(String tenant, String id) {
    var p = orgs.programme(ctx.tenant(), ctx.caller(), id);
    return Http.ok(RegistryMapper.api(p), p.version());
  }

  @Override
  public Response listProgrammes(String tenant) {
    return Response.ok(orgs.programmes(ctx.tenant(), ctx.caller()).stream().map(RegistryMapper::api).toList()).build();
  }

  @Override
  public Response updateProgramme(String tenant, String id, Programme programme, String ifMatch) {
    var saved = orgs.update(ctx.tenant(), ctx.caller(), id, RegistryMapper.programme(programme),
        Http.expectedVersion(ifMatch, programme.getVersion()));
    return Http.ok(RegistryMapper.api(saved), saved.version());
  }
}
