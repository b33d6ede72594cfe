package org.mu1000.platform.tenancy.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import org.mu1000.api.AuditApi;
import org.mu1000.api.model.AuditEntry;
import org.mu1000.api.model.AuditPage;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.application.TenantService;

/** The audit trails as the API gives them: a tenant's own (tenant admins), and the platform's trail of a tenant. */
@RequestScoped
public class AuditResource implements AuditApi {
  private AuditTrail audit;
  private TenantService tenants;
  private TenantContext ctx;

  protected AuditResource() {}

  @Inject
  public AuditResource(AuditTrail audit, TenantService tenants, TenantContext ctx) {
    this.audit = audit;
    this.tenants = tenants;
    this.ctx = ctx;
  }

  @Override
  public Response listAudit(String tenant, Integer page, Integer size, String entityType, String entityId) {
    if (!ctx.caller().mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins read the audit trail");
    }
    return Response.ok(page(audit.read(ctx.tenant(), entityType, entityId,
        Http.page(page), Http.size(size)), page, size)).build();
  }

  @Override
  public Response listTenantAudit(String tenant, Integer page, Integer size) {
    // no existence check: the trail of a deleted tenant stays readable
    return Response.ok(page(tenants.audit(tenant, Http.page(page), Http.size(size)), page, size)).build();
  }

  private static AuditPage page(AuditTrail.Page p, Integer page, Integer size) {
    AuditPage out = new AuditPage();
    out.setItems(p.items().stream().map(AuditResource::entry).toList());
    out.setTotal(p.total());
    out.setPage(Http.page(page));
    out.setSize(Http.size(size));
    return out;
  }

  private static AuditEntry entry(AuditTrail.Entry d) {
    AuditEntry e = new AuditEntry();
    e.setId(d.id());
    e.setAt(d.at().atOffset(ZoneOffset.UTC));
    e.setActor(d.actor());
    e.setAction(d.action());
    e.setEntityType(d.entityType());
    e.setEntityId(d.entityId());
    e.setBefore(d.before());
    e.setAfter(d.after());
    return e;
  }
}
