package org.mu1000.platform.impact.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.mu1000.api.DonorsApi;
import org.mu1000.api.model.Funding;
import org.mu1000.api.model.ReportRequest;
import org.mu1000.api.model.ReportingOrg;
import org.mu1000.platform.impact.application.FundingService;
import org.mu1000.platform.impact.application.IatiService;
import org.mu1000.platform.impact.application.Reports;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class DonorResource implements DonorsApi {
  private static final String XML = "application/xml; charset=UTF-8";

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private FundingService funding;
  private IatiService iati;
  private Reports reports;
  private TenantContext ctx;

  protected DonorResource() {}

  @Inject
  public DonorResource(FundingService funding, IatiService iati, Reports reports, TenantContext ctx) {
    this.funding = funding;
    this.iati = iati;
    this.reports = reports;
    this.ctx = ctx;
  }

  @Override
  public Response createReport(String tenant, ReportRequest in) {
    Reports.Request r = new Reports.Request(in.getFrom(), in.getTo(), in.getProgrammeIds(), in.getIndicators(),
        in.getLanguage());
    boolean xlsx = in.getFormat() == ReportRequest.FormatEnum.XLSX;
    byte[] file = xlsx ? reports.xlsx(ctx.tenant(), ctx.caller(), r) : reports.pdf(ctx.tenant(), ctx.caller(), r);
    return Response.ok(file, xlsx ? XLSX : "application/pdf").header("Content-Disposition", "attachment; filename=\""
        + "mu1000-" + tenant + "-report." + (xlsx ? "xlsx" : "pdf") + "\"").build();
  }

  @Override
  public Response createFunding(String tenant, Funding in, String idempotencyKey) {
    var f = funding.fund(ctx.tenant(), ctx.caller(), new org.mu1000.platform.impact.domain.Funding(null,
        in.getProgrammeId(), in.getFunderName(), in.getFunderRef(), in.getFunderType(), in.getAmount(),
        in.getCurrency(), in.getStart(), in.getEnd(), in.getDonors(), 0));
    return Response.created(URI.create("tenants/" + tenant + "/funding?programmeId=" + f.programmeId()))
        .entity(funding(f)).build();
  }

  private static Funding funding(org.mu1000.platform.impact.domain.Funding f) {
    return new Funding().id(f.id()).programmeId(f.programmeId()).funderName(f.funderName()).funderRef(f.funderRef())
        .funderType(f.funderType()).amount(f.amount()).currency(f.currency()).start(f.start()).end(f.end())
        .donors(f.donors()).version(f.version());
  }

  @Override
  public Response listFunding(String tenant, String programmeId) {
    return Response.ok(funding.funding(ctx.tenant(), ctx.caller(), programmeId).stream()
        .map(DonorResource::funding).toList()).build();
  }

  @Override
  public Response getIatiPublisher(String tenant) {
    if (!ctx.caller().mayReadImpact()) {
      throw DomainException.forbidden("the IATI publisher is read by the programme's staff and donors");
    }
    var r = funding.publisher(ctx.tenant()).orElseThrow(() -> DomainException.notFound("IATI publisher", tenant));
    return Response.ok(new ReportingOrg().ref(r.ref()).name(r.name()).type(r.type()).version(r.version())).build();
  }

  @Override
  public Response setIatiPublisher(String tenant, ReportingOrg in, String idempotencyKey) {
    var r = funding.setPublisher(ctx.tenant(), ctx.caller(), new org.mu1000.platform.impact.domain.ReportingOrg(null,
        in.getRef(), in.getName(), in.getType(), 0));
    return Response.ok(new ReportingOrg().ref(r.ref()).name(r.name()).type(r.type()).version(r.version())).build();
  }

  @Override
  public Response previewIatiActivity(String tenant, String id) {
    return Response.ok(iati.preview(ctx.tenant(), ctx.caller(), id), XML).build();
  }

  @Override
  public Response publishIatiActivity(String tenant, String id, String idempotencyKey) {
    return Response.ok(iati.publish(ctx.tenant(), ctx.caller(), id), XML).build();
  }

  @Override
  public Response getIatiActivities(String tenant) {
    return Response.ok(iati.published(ctx.tenant(), ctx.caller()), XML).build();
  }
}
