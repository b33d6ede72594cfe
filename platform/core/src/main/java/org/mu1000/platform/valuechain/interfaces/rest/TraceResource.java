package org.mu1000.platform.valuechain.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mu1000.api.TraceabilityApi;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.traceability.application.QrCodes;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.PublicTraceService;
import org.mu1000.platform.valuechain.domain.Lot;

/** EPCIS export and chain verification for signed-in users; the public trace page data and QR codes for anyone. */
@RequestScoped
public class TraceResource implements TraceabilityApi {
  private LotService lots;
  private PublicTraceService publicTraces;
  private TraceService trace;
  private TenantRepository tenants;
  private TenantContext ctx;

  protected TraceResource() {}

  @Inject
  public TraceResource(LotService lots, PublicTraceService publicTraces, TraceService trace,
      TenantRepository tenants, TenantContext ctx) {
    this.lots = lots;
    this.publicTraces = publicTraces;
    this.trace = trace;
    this.tenants = tenants;
    this.ctx = ctx;
  }

  @Override
  public Response getLotEpcis(String tenant, String id) {
    Lot l = lots.get(ctx.tenant(), ctx.caller(), id);
    List<String> ids = lots.lineage(ctx.tenant(), l).stream().map(Lot::id).toList();
    return Response.ok(trace.document(ctx.tenant(), ids), "application/ld+json").build();
  }

  @Override
  public Response verifyLot(String tenant, String id) {
    Lot l = lots.get(ctx.tenant(), ctx.caller(), id);
    List<TraceService.Verification> v = lots.lineage(ctx.tenant(), l).stream()
        .map(x -> trace.verify(ctx.tenant(), x.id())).toList();
    return Response.ok(TraceMapper.verification(v)).build();
  }

  @Override
  public Response getLotQr(String tenant, String id) {
    Lot l = lots.get(ctx.tenant(), ctx.caller(), id);
    return Response.ok(QrCodes.svg(lots.digitalLink(l)), "image/svg+xml").build();
  }

  @Override
  public Response getPublicTrace(String gtin, String lot) {
    PublicTraceService.Located l = publicTraces.byDigitalLink(gtin, lot, tenants);
    CacheControl cc = new CacheControl();
    cc.setMaxAge(60);
    return Response.ok(TraceMapper.publicTrace(publicTraces.publicTrace(l.tenant(), l.lot()))).cacheControl(cc)
        .header("Access-Control-Allow-Origin", "*").build();
  }

  @Override
  public Response getPublicQrPng(String gtin, String lot) {
    PublicTraceService.Located l = publicTraces.byDigitalLink(gtin, lot, tenants);
    return Response.ok(QrCodes.png(lots.digitalLink(l.lot()), 8), "image/png").build();
  }

  @Override
  public Response getPublicQrSvg(String gtin, String lot) {
    PublicTraceService.Located l = publicTraces.byDigitalLink(gtin, lot, tenants);
    return Response.ok(QrCodes.svg(lots.digitalLink(l.lot())), "image/svg+xml").build();
  }
}
