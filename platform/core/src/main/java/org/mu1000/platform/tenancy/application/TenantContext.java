package org.mu1000.platform.tenancy.application;

import jakarta.enterprise.context.RequestScoped;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The verified caller and, for tenant-scoped calls, the tenant they act on. Filled once per request by the
 * {@link org.mu1000.platform.security.TenantFilter} (or the UI's session); nothing else sets it.
 */
@RequestScoped
public class TenantContext {
  private Caller caller;
  private Tenant tenant;

  public void enter(Caller caller, Tenant tenant) {
    this.caller = caller;
    this.tenant = tenant;
  }

  public Caller caller() {
    if (caller == null) {
      throw new DomainException(Kind.UNAUTHENTICATED, "sign in first");
    }
    return caller;
  }

  public Tenant tenant() {
    if (tenant == null) {
      throw new DomainException(Kind.NOT_FOUND, "no tenant in this request");
    }
    return tenant;
  }

  public boolean hasTenant() {
    return tenant != null;
  }

  public String actor() {
    return caller == null ? "system" : caller.username();
  }
}
