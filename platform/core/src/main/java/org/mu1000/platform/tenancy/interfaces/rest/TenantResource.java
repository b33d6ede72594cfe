package org.mu1000.platform.tenancy.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.File;
import java.time.ZoneOffset;
import java.util.List;
import org.mu1000.api.TenantsApi;
import org.mu1000.api.model.CollectionCount;
import org.mu1000.api.model.DeletionRequest;
import org.mu1000.api.model.Reason;
import org.mu1000.api.model.TenantConfig;
import org.mu1000.api.model.TenantCreate;
import org.mu1000.api.model.TenantMove;
import org.mu1000.api.model.TenantMoved;
import org.mu1000.api.model.TenantRestore;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.rest.Http;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.application.TenantStorage;
import org.mu1000.platform.tenancy.domain.Tenant;

@RequestScoped
public class TenantResource implements TenantsApi {
  private TenantService tenants;
  private TenantContext ctx;

  protected TenantResource() {}

  @Inject
  public TenantResource(TenantService tenants, TenantContext ctx) {
    this.tenants = tenants;
    this.ctx = ctx;
  }

  @Override
  public Response listTenantTemplates() {
    return Response.ok(tenants.templates().stream().map(TenantMapper::api).toList()).build();
  }

  @Override
  public Response listTenants() {
    return Response.ok(tenants.list().stream().map(TenantMapper::api).toList()).build();
  }

  @Override
  public Response createTenant(TenantCreate in, String idempotencyKey) {
    if (in.getAdminUsername() != null && in.getAdminEmail() == null) {
      throw DomainException.invalid("adminEmail", "is required with adminUsername");
    }
    Tenant.FirstAdmin admin = in.getAdminUsername() == null ? null
        : new Tenant.FirstAdmin(in.getAdminUsername(), in.getAdminEmail());
    Tenant created = tenants.create(in.getTemplate(), TenantMapper.config(in.getConfig()), admin,
        in.getAdminTemporaryPassword(), Boolean.TRUE.equals(in.getWithDemoData()), ctx.actor());
    return Http.created("platform/tenants/" + created.id(), TenantMapper.api(created), created.version());
  }

  @Override
  public Response getTenant(String tenant) {
    Tenant t = tenants.get(tenant);
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response getTenantSettings(String tenant) {
    Tenant t = ctx.tenant();
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response getTenantProviders(String tenant) {
    requireAdmin();
    return Response.ok(ctx.tenant().config().providers().stream().map(TenantMapper::api).toList()).build();
  }

  @Override
  public Response setTenantProviders(String tenant, List<org.mu1000.api.model.ProviderConfig> in) {
    requireAdmin();
    Tenant t = tenants.setProviders(tenant, TenantMapper.providers(in), ctx.actor());
    return Response.ok(t.config().providers().stream().map(TenantMapper::api).toList()).build();
  }

  private void requireAdmin() {
    if (!ctx.caller().mayAdministerTenant()) {
      throw DomainException.forbidden("a tenant's providers are for its administrators");
    }
  }

  @Override
  public Response updateTenant(String tenant, TenantConfig config, String ifMatch) {
    Tenant t = tenants.update(tenant, TenantMapper.config(config), Http.expectedVersion(ifMatch, null), ctx.actor());
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response provisionTenant(String tenant, String idempotencyKey) {
    Tenant t = tenants.provision(tenant, false, ctx.actor());
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response suspendTenant(String tenant, String idempotencyKey, Reason reason) {
    Tenant t = tenants.suspend(tenant, reason == null ? null : reason.getReason(), ctx.actor());
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response resumeTenant(String tenant, String idempotencyKey) {
    Tenant t = tenants.resume(tenant, ctx.actor());
    return Http.ok(TenantMapper.api(t), t.version());
  }

  @Override
  public Response exportTenant(String tenant) {
    tenants.get(tenant);
    String actor = ctx.actor();
    StreamingOutput body = out -> tenants.export(tenant, out, actor);
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"mu1000-" + tenant + "-export.zip\"").build();
  }

  @Override
  public Response restoreTenant(String tenant, File body, String idempotencyKey) {
    try {
      List<CollectionCount> counts = counts(tenants.restore(tenant, body.toPath(), ctx.actor()));
      return Response.ok(new TenantRestore().collections(counts)
          .documents(counts.stream().mapToLong(CollectionCount::getDocuments).sum())).build();
    } finally {
      body.delete();
    }
  }

  @Override
  public Response moveTenant(String tenant, TenantMove in, String idempotencyKey) {
    TenantService.Move m = tenants.move(tenant, in.getMongoUri(), Boolean.TRUE.equals(in.getDropSource()),
        ctx.actor());
    return Response.ok(new TenantMoved().tenant(TenantMapper.api(m.tenant())).collections(counts(m.written()))
        .sourceDropped(m.sourceDropped())).build();
  }

  private static List<CollectionCount> counts(List<TenantStorage.Written> written) {
    return written.stream().map(w -> new CollectionCount().collection(w.collection()).documents(w.documents()))
        .toList();
  }

  @Override
  public Response requestTenantDeletion(String tenant, String idempotencyKey) {
    Tenant t = tenants.requestDeletion(tenant, ctx.actor());
    DeletionRequest r = new DeletionRequest();
    r.setConfirmation(t.deletionCode());
    r.setExpiresAt(t.deletionExpires().atOffset(ZoneOffset.UTC));
    return Response.accepted(r).build();
  }

  @Override
  public Response confirmTenantDeletion(String tenant, String confirmation) {
    tenants.confirmDeletion(tenant, confirmation, ctx.actor());
    return Response.noContent().build();
  }
}
