package org.mu1000.platform.registry.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.time.ZoneOffset;
import org.mu1000.api.ImportsApi;
import org.mu1000.api.model.ImportJob;
import org.mu1000.api.model.ImportProblem;
import org.mu1000.platform.registry.application.importing.ImportService;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class ImportResource implements ImportsApi {
  private ImportService imports;
  private TenantContext ctx;

  protected ImportResource() {}

  @Inject
  public ImportResource(ImportService imports, TenantContext ctx) {
    this.imports = imports;
    this.ctx = ctx;
  }

  @Override
  public Response uploadImport(String tenant, String cooperativeId, String format, File body, String fileName,
      String idempotencyKey) {
    byte[] bytes = Http.upload(body);
    return Response.accepted(api(imports.upload(ctx.tenant(), ctx.caller(), cooperativeId, format, fileName, bytes)))
        .build();
  }

  @Override
  public Response getImport(String tenant, String id) {
    return Response.ok(api(imports.job(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response commitImport(String tenant, String id, String idempotencyKey) {
    return Response.accepted(api(imports.commit(ctx.tenant(), ctx.caller(), id))).build();
  }

  public static ImportJob api(ImportService.Job j) {
    ImportJob a = new ImportJob();
    a.setId(j.id());
    a.setCooperativeId(j.cooperativeId());
    a.setFileName(j.fileName());
    a.setFormat(j.format());
    a.setStatus(ImportJob.StatusEnum.fromValue(j.status()));
    a.setTotalRows(j.totalRows());
    a.setProcessedRows(j.processedRows());
    a.setFarmersCreated(j.farmersCreated());
    a.setFarmersUpdated(j.farmersUpdated());
    a.setPlotsWritten(j.plotsWritten());
    a.setProblems(j.problems().stream().map(p -> {
      ImportProblem x = new ImportProblem();
      x.setRow(p.row());
      x.setColumn(p.column());
      x.setMessage(p.message());
      return x;
    }).toList());
    a.setCreatedAt(j.createdAt().toInstant().atOffset(ZoneOffset.UTC));
    a.setUpdatedAt(j.updatedAt().toInstant().atOffset(ZoneOffset.UTC));
    return a;
  }
}
