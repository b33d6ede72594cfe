package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Deployments;

/** Hands out a tenant's database; the only way the adapters reach tenant data. */
@ApplicationScoped
public class TenantDatabases implements Deployments {
  private Mongo mongo;
  private Iterable<IndexDeclaration> declarations;

  protected TenantDatabases() {}

  @Inject
  public TenantDatabases(Mongo mongo, Instance<IndexDeclaration> declarations) {
    this(mongo, (Iterable<IndexDeclaration>) declarations);
  }

  /** For tests and tools outside a container. */
  public TenantDatabases(Mongo mongo, Iterable<IndexDeclaration> declarations) {
    this.mongo = mongo;
    this.declarations = declarations;
  }

  public MongoDatabase of(TenantHome tenant) {
    return mongo.tenantDatabase(tenant.id(), tenant.deployment());
  }

  /** The platform's own database: tenants, and the audit trail of changes to them. */
  public MongoDatabase controlPlane() {
    return mongo.controlPlane();
  }

  @Override
  public WriteBatch batch(TenantHome tenant) {
    return mongo.batch(tenant.deployment());
  }

  @Override
  public boolean sharesControlPlane(TenantHome tenant) {
    return tenant.deployment() == null || tenant.deployment().isBlank();
  }

  /** Creates the indexes every context declares in the tenant's database (safe to repeat). */
  public void createIndexes(TenantHome tenant) {
    MongoDatabase db = of(tenant);
    for (IndexDeclaration d : declarations) {
      for (IndexDeclaration.Index i : d.indexes()) {
        IndexOptions options = new IndexOptions().unique(i.unique());
        if (i.expireAfterSeconds() != null) {
          options.expireAfter(i.expireAfterSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
        db.getCollection(i.collection()).createIndex(i.keys(), options);
      }
    }
  }

  public void drop(TenantHome tenant) {
    of(tenant).drop();
  }

  /** Closes the connections to a tenant's own deployment once no tenant is left on it. */
  public void release(String deployment) {
    mongo.release(deployment);
  }
}
