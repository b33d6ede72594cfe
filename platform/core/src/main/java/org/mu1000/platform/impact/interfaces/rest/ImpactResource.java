package org.mu1000.platform.impact.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.mu1000.api.ImpactApi;
import org.mu1000.api.model.JobsDeclaration;
import org.mu1000.platform.impact.application.ImpactFigures;
import org.mu1000.platform.impact.application.ImpactRebuild;
import org.mu1000.platform.impact.application.JobsService;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class ImpactResource implements ImpactApi {
  private ImpactFigures figures;
  private ImpactRebuild recompute;
  private JobsService jobs;
  private TenantContext ctx;

  protected ImpactResource() {}

  @Inject
  public ImpactResource(ImpactFigures figures, ImpactRebuild recompute, JobsService jobs, TenantContext ctx) {
    this.figures = figures;
    this.recompute = recompute;
    this.jobs = jobs;
    this.ctx = ctx;
  }

  @Override
  public Response declareJobs(String tenant, JobsDeclaration in, String idempotencyKey) {
    return Response.ok(ImpactMapper.jobs(jobs.declare(ctx.tenant(), ctx.caller(), ImpactMapper.jobs(in)))).build();
  }

  @Override
  public Response listJobs(String tenant, String programmeId, String cooperativeId) {
    return Response.ok(jobs.declarations(ctx.tenant(), ctx.caller(), programmeId, cooperativeId).stream()
        .map(ImpactMapper::jobs).toList()).build();
  }

  @Override
  public Response getJobsSummary(String tenant, String programmeId) {
    return Response.ok(ImpactMapper.jobs(jobs.summary(ctx.tenant(), ctx.caller(), programmeId))).build();
  }

  @Override
  public Response getImpact(String tenant, String programmeId, String season, String level, String id) {
    return Response.ok(ImpactMapper.figures(figures.figures(ctx.tenant(), ctx.caller(), programmeId, season,
        level, id), ctx.tenant())).build();
  }

  @Override
  public Response getImpactByCooperative(String tenant, String programmeId, String season) {
    return Response.ok(figures.cooperatives(ctx.tenant(), ctx.caller(), programmeId, season).stream()
        .map(f -> ImpactMapper.figures(f, ctx.tenant())).toList()).build();
  }

  @Override
  public Response recomputeImpact(String tenant, String idempotencyKey) {
    return Response.ok(ImpactMapper.recompute(recompute.rebuild(ctx.tenant(), ctx.caller()))).build();
  }

  @Override
  public Response noop(String tenant, Map<String, Object> body, String idempotencyKey) {
    ctx.caller();
    return Response.status(201).entity(Map.of()).build();
  }
}
