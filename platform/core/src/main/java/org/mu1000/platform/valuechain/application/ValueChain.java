package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Deployments;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** What every value-chain service shares: the tenant's store, the registry it reads, the audit trail, role checks. */
@ApplicationScoped
public class ValueChain {
  private ValueChainStore.Stores stores;
  private Deployments deployments;
  private AuditTrail audit;
  private Registry registry;

  protected ValueChain() {}

  @Inject
  public ValueChain(ValueChainStore.Stores stores, Deployments deployments, AuditTrail audit, Registry registry) {
    this.stores = stores;
    this.deployments = deployments;
    this.audit = audit;
    this.registry = registry;
  }

  public ValueChainStore store(Tenant t) {
    return stores.of(t);
  }

  public RegistryRepository registry(Tenant t) {
    return registry.repository(t);
  }

  public void audit(Tenant t, Caller c, String action, String type, String id, Object before, Object after) {
    audit.record(t, actor(c), action, type, id, before, after);
  }

  /** The audit entry goes with the batch. */
  public void audit(Batch batch, Tenant t, Caller c, String action, String type, String id, Object before,
      Object after) {
    audit.record(batch, t, actor(c), action, type, id, before, after);
  }

  private static String actor(Caller c) {
    return c == null ? "system" : c.username();
  }

  /** A batch of writes to the tenant's deployment. */
  public Batch batch(Tenant t) {
    return deployments.batch(t);
  }

  /** Whether a batch of the tenant can claim lot numbers in the control plane too. */
  public boolean sharesControlPlane(Tenant t) {
    return deployments.sharesControlPlane(t);
  }

  static void require(boolean allowed, String why) {
    if (!allowed) {
      throw DomainException.forbidden(why);
    }
  }
}
