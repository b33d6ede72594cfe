package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.mu1000.platform.audit.application.AuditLog;
import org.mu1000.platform.shared.infrastructure.mongo.RecordDocs;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.infrastructure.mongo.ValueChainStore;

/** What every value-chain service shares: the tenant's store, the registry it reads, the audit trail, role checks. */
@ApplicationScoped
public class ValueChain {
  private TenantDatabases databases;
  private AuditLog audit;
  private Registry registry;

  protected ValueChain() {}

  @Inject
  public ValueChain(TenantDatabases databases, AuditLog audit, Registry registry) {
    this.databases = databases;
    this.audit = audit;
    this.registry = registry;
  }

  public ValueChainStore store(Tenant t) {
    return new ValueChainStore(databases.of(t));
  }

  public RegistryRepository registry(Tenant t) {
    return registry.repository(t);
  }

  public void audit(Tenant t, Caller c, String action, String type, String id, Object before, Object after) {
    audit.record(databases.of(t), actor(c), action, type, id, doc(id, before), doc(id, after));
  }

  /** The audit entry goes with the batch. */
  public void audit(WriteBatch batch, Tenant t, Caller c, String action, String type, String id, Object before,
      Object after) {
    audit.record(batch, databases.of(t), actor(c), action, type, id, doc(id, before), doc(id, after));
  }

  private static String actor(Caller c) {
    return c == null ? "system" : c.username();
  }

  /** A batch of writes to the tenant's deployment. */
  public WriteBatch batch(Tenant t) {
    return databases.batch(t);
  }

  /** Whether a batch of the tenant can claim lot numbers in the control plane too. */
  public boolean sharesControlPlane(Tenant t) {
    return databases.sharesControlPlane(t);
  }

  private static Document doc(String id, Object o) {
    return o == null ? null : RecordDocs.toDoc(id, o);
  }

  static void require(boolean allowed, String why) {
    if (!allowed) {
      throw DomainException.forbidden(why);
    }
  }
}
