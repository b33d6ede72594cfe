package org.mu1000.platform.security;

import org.mu1000.platform.kernel.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.List;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.rest.ExceptionMappers;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * The one place a request gets its caller and tenant: verifies the bearer token and reads the caller's current
 * memberships ({@link Identities}), then, for {@code /tenants/{tenant}/...}, checks the caller holds a role in that
 * tenant and that it is open, and narrows the caller to their roles there; for
 * {@code /platform/...}, that the caller is a platform admin. A tenant the caller may not enter looks exactly like one
 * that does not exist. Pre-matching, so a caller without access learns nothing about routes, methods or media types.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TenantFilter implements ContainerRequestFilter {
  private JwtVerifier verifier;
  private Identities identities;
  private TenantRepository tenants;
  private TenantContext context;

  protected TenantFilter() {}

  @Inject
  public TenantFilter(JwtVerifier verifier, Identities identities, TenantRepository tenants, TenantContext context) {
    this.verifier = verifier;
    this.identities = identities;
    this.tenants = tenants;
    this.context = context;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
    if (!segments.isEmpty() && segments.get(0).equals("trace")) {
      return; // the public trace page: what a consumer's phone opens from a QR code, no sign-in
    }
    if (!segments.isEmpty() && segments.get(0).equals("callbacks")) {
      return; // a payment provider's callback: its signed address is the proof, checked by the resource
    }
    try {
      Identity identity = identities.of(authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
      Caller caller = identity.outsideTenants();
      Tenant tenant = null;
      if (!segments.isEmpty() && segments.get(0).equals("platform")) {
        if (!caller.isPlatformAdmin()) {
          throw DomainException.forbidden("platform administration needs the platform-admin role");
        }
      } else if (segments.size() >= 2 && segments.get(0).equals("tenants")) {
        String id = segments.get(1);
        if (!identity.mayEnter(id)) {
          throw DomainException.notFound("tenant", id);
        }
        tenant = tenants.find(id).orElseThrow(() -> DomainException.notFound("tenant", id));
        TenantService.checkOpen(tenant);
        caller = identity.in(id);
      }
      context.enter(caller, tenant);
      request.setSecurityContext(securityContext(caller, request.getSecurityContext().isSecure()));
    } catch (DomainException e) {
      Response problem = new ExceptionMappers.Domain().toResponse(e);
      if (e.kind() == Kind.UNAUTHENTICATED) {
        problem = Response.fromResponse(problem)
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mu1000\", error=\"invalid_token\"").build();
      }
      request.abortWith(problem);
    }
  }

  private VerifiedToken authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new DomainException(Kind.UNAUTHENTICATED, "send a Keycloak access token as 'Authorization: Bearer …'");
    }
    return verifier.verify(authorization.substring(7).trim());
  }

  private static SecurityContext securityContext(Caller caller, boolean secure) {
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return caller::username;
      }

      @Override
      public boolean isUserInRole(String role) {
        return caller.has(role);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    };
  }
}
