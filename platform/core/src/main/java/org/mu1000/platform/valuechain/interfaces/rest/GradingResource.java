package org.mu1000.platform.valuechain.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.mu1000.api.GradingApi;
import org.mu1000.api.model.GradePreview;
import org.mu1000.api.model.GradingStandard;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.valuechain.application.GradingService;

@RequestScoped
public class GradingResource implements GradingApi {
  private GradingService grading;
  private TenantContext ctx;

  protected GradingResource() {}

  @Inject
  public GradingResource(GradingService grading, TenantContext ctx) {
    this.grading = grading;
    this.ctx = ctx;
  }

  @Override
  public Response getCurrentGradingStandard(String tenant, String id) {
    var s = grading.current(ctx.tenant(), ctx.caller(), id);
    return Response.ok(ValueChainMapper.standard(s)).build();
  }

  @Override
  public Response listGradingStandards(String tenant, String id) {
    return Response.ok(grading.versions(ctx.tenant(), ctx.caller(), id).stream().map(ValueChainMapper::standard)
        .toList()).build();
  }

  @Override
  public Response previewGrade(String tenant, String id, GradePreview in, String idempotencyKey) {
    var s = grading.current(ctx.tenant(), ctx.caller(), id);
    String grade = s.grade(in.getMeasurements() == null ? Map.of() : in.getMeasurements());
    return Response.ok(new GradePreview().measurements(in.getMeasurements()).grade(grade)
        .standardVersion(s.version())).build();
  }

  @Override
  public Response publishGradingStandard(String tenant, String id, GradingStandard in, String idempotencyKey) {
    var s = grading.publish(ctx.tenant(), ctx.caller(), id, Views.standard(in));
    return Response.status(201).entity(ValueChainMapper.standard(s)).build();
  }
}
