package org.mu1000.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.mu1000.api.AuditApi;
import org.mu1000.api.model.AuditEntry;
import org.mu1000.api.model.AuditPage;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.TenantContext;
import org.mu1000.platform.tenancy.TenantDatabases;
import org.mu1000.platform.tenancy.TenantService;

@RequestScoped
public class AuditResource implements AuditApi {
  private AuditLog audit;
  private TenantDatabases databases;
  private TenantService tenants;
  private TenantContext ctx;

  protected AuditResource() {}

  @Inject
  public AuditResource(AuditLog audit, TenantDatabases databases, TenantService tenants, TenantContext ctx) {
    this.audit = audit;
    this.databases = databases;
    this.tenants = tenants;
    this.ctx = ctx;
  }

  @Override
  public Response listAudit(String tenant, Integer page, Integer size, String entityType, String entityId) {
    if (!ctx.caller().mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins read the audit trail");
    }
    return Response.ok(page(audit.read(databases.current(), AuditLog.filter(entityType, entityId),
        Http.page(page), Http.size(size)), page, size)).build();
  }

  @Override
  public Response listTenantAudit(String tenant, Integer page, Integer size) {
    // no existence check: the trail of a deleted tenant stays readable
    return Response.ok(page(tenants.audit(tenant, Http.page(page), Http.size(size)), page, size)).build();
  }

  private static AuditPage page(AuditLog.Page p, Integer page, Integer size) {
    AuditPage out = new AuditPage();
    out.setItems(p.items().stream().map(AuditResource::entry).toList());
    out.setTotal(p.total());
    out.setPage(Http.page(page));
    out.setSize(Http.size(size));
    return out;
  }

  private static AuditEntry entry(Document d) {
    AuditEntry e = new AuditEntry();
    e.setId(d.getString("_id"));
    e.setAt(d.getDate("at").toInstant().atOffset(ZoneOffset.UTC));
    e.setActor(d.getString("actor"));
    e.setAction(d.getString("action"));
    e.setEntityType(d.getString("entityType"));
    e.setEntityId(d.getString("entityId"));
    e.setBefore(plain(d.get("before", Document.class)));
    e.setAfter(plain(d.get("after", Document.class)));
    return e;
  }

  private static Map<String, Object> plain(Document d) {
    return d == null ? null : Document.parse(d.toJson(org.bson.json.JsonWriterSettings.builder()
        .outputMode(org.bson.json.JsonMode.RELAXED)
        .dateTimeConverter((Long v, org.bson.json.StrictJsonWriter w) -> w.writeString(new Date(v).toInstant().toString()))
        .decimal128Converter((v, w) -> w.writeString(v.bigDecimalValue().toPlainString()))
        .build()));
  }
}
