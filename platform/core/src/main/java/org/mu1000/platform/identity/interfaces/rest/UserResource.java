package org.mu1000.platform.identity.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.mu1000.api.UsersApi;
import org.mu1000.api.model.User;
import org.mu1000.api.model.UserInvite;
import org.mu1000.api.model.UserUpdate;
import org.mu1000.platform.identity.application.IdentityService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class UserResource implements UsersApi {
  private IdentityService identity;
  private OrganisationService orgs;
  private TenantContext ctx;

  protected UserResource() {}

  @Inject
  public UserResource(IdentityService identity, OrganisationService orgs, TenantContext ctx) {
    this.identity = identity;
    this.orgs = orgs;
    this.ctx = ctx;
  }

  @Override
  public Response listUsers(String tenant) {
    requireAdmin();
    return Response.ok(identity.users(tenant).stream().map(UserResource::api).toList()).build();
  }

  @Override
  public Response inviteUser(String tenant, UserInvite in, String idempotencyKey) {
    requireAdmin();
    checkCoops(in.getCooperativeIds());
    var u = identity.invite(tenant, in.getUsername(), in.getEmail(), in.getFirstName(), in.getLastName(),
        in.getRole().toString(), in.getCooperativeIds(), in.getTemporaryPassword());
    return Response.created(URI.create("tenants/" + tenant + "/users/" + u.id())).entity(api(u)).build();
  }

  @Override
  public Response updateUser(String tenant, String id, UserUpdate in) {
    requireAdmin();
    checkCoops(in.getCooperativeIds());
    var u = identity.update(tenant, id, in.getRole() == null ? null : in.getRole().toString(), in.getCooperativeIds(),
        in.getEnabled());
    return Response.ok(api(u)).build();
  }

  private void checkCoops(java.util.List<String> coops) {
    if (coops == null) {
      return;
    }
    Violations v = new Violations();
    for (int i = 0; i < coops.size(); i++) {
      String id = coops.get(i);
      try {
        orgs.cooperative(ctx.tenant(), ctx.caller(), id);
      } catch (DomainException e) {
        v.add("cooperativeIds[" + i + "]", "no cooperative " + id + " in this tenant");
      }
    }
    v.throwIfAny();
  }

  private void requireAdmin() {
    if (!ctx.caller().mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins manage users");
    }
  }

  static User api(IdentityService.TenantUser u) {
    User a = new User();
    a.setId(u.id());
    a.setUsername(u.username());
    a.setEmail(u.email());
    a.setFirstName(u.firstName());
    a.setLastName(u.lastName());
    a.setRoles(u.roles());
    a.setCooperativeIds(u.cooperativeIds());
    a.setEnabled(u.enabled());
    return a;
  }
}
