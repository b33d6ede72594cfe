package org.mu1000.platform.training.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.net.URI;
import org.mu1000.api.TrainingApi;
import org.mu1000.api.model.Course;
import org.mu1000.api.model.RecordAttendanceRequest;
import org.mu1000.api.model.TrainingSession;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.training.application.AttendanceSheet;
import org.mu1000.platform.training.application.TrainingOutcomes;
import org.mu1000.platform.training.application.TrainingService;

@RequestScoped
public class TrainingResource implements TrainingApi {
  private TrainingService training;
  private AttendanceSheet sheets;
  private TrainingOutcomes outcomes;
  private TenantContext ctx;

  protected TrainingResource() {}

  @Inject
  public TrainingResource(TrainingService training, AttendanceSheet sheets, TrainingOutcomes outcomes,
      TenantContext ctx) {
    this.training = training;
    this.sheets = sheets;
    this.outcomes = outcomes;
    this.ctx = ctx;
  }

  @Override
  public Response createCourse(String tenant, Course in, String idempotencyKey) {
    var c = training.createCourse(ctx.tenant(), ctx.caller(), TrainingMapper.course(in));
    return Response.created(URI.create("tenants/" + tenant + "/courses/" + c.id())).entity(TrainingMapper.course(c))
        .build();
  }

  @Override
  public Response listCourses(String tenant, String programmeId) {
    return Response.ok(training.courses(ctx.tenant(), ctx.caller(), programmeId).stream().map(TrainingMapper::course)
        .toList()).build();
  }

  @Override
  public Response getCourse(String tenant, String id) {
    return Response.ok(TrainingMapper.course(training.course(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response createTrainingSession(String tenant, TrainingSession in, String idempotencyKey) {
    var s = training.createSession(ctx.tenant(), ctx.caller(), TrainingMapper.session(in));
    return Response.created(URI.create("tenants/" + tenant + "/training-sessions/" + s.id()))
        .entity(TrainingMapper.session(s)).build();
  }

  @Override
  public Response listTrainingSessions(String tenant, String programmeId, String courseId) {
    return Response.ok(training.sessions(ctx.tenant(), ctx.caller(), programmeId, courseId).stream()
        .map(TrainingMapper::session).toList()).build();
  }

  @Override
  public Response getTrainingSession(String tenant, String id) {
    return Response.ok(TrainingMapper.session(training.session(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response listAttendance(String tenant, String id) {
    return Response.ok(training.attendance(ctx.tenant(), ctx.caller(), id).stream().map(TrainingMapper::attendance)
        .toList()).build();
  }

  @Override
  public Response recordAttendance(String tenant, String id, RecordAttendanceRequest in, String idempotencyKey) {
    return Response.ok(TrainingMapper.recorded(training.attend(ctx.tenant(), ctx.caller(), id, in.getFarmerIds())))
        .build();
  }

  @Override
  public Response uploadAttendanceSheet(String tenant, String id, String format, File body, String idempotencyKey) {
    byte[] bytes = Http.upload(body);
    return Response.ok(TrainingMapper.recorded(sheets.load(ctx.tenant(), ctx.caller(), id, bytes, format))).build();
  }

  @Override
  public Response getTrainingOutcomes(String tenant, String programmeId, String season) {
    return Response.ok(TrainingMapper.outcomes(outcomes.of(ctx.tenant(), ctx.caller(), programmeId, season)))
        .build();
  }
}
