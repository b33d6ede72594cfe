package org.mu1000.platform.tenancy.infrastructure.mongo;

import org.mu1000.platform.tenancy.application.TenantContext;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Hands out a tenant's database; the only way repositories reach tenant data. */
@ApplicationScoped
public class TenantDatabases {
  private Mongo mongo;
  private Instance<IndexDeclaration> declarations;
  private TenantContext context;

  protected TenantDatabases() {}

  @Inject
  public TenantDatabases(Mongo mongo, Instance<IndexDeclaration> declarations, TenantContext context) {
    this.mongo = mongo;
    this.declarations = declarations;
    this.context = context;
  }

  /** The database of the tenant of the current request. */
  public MongoDatabase current() {
    return of(context.tenant());
  }

  public MongoDatabase of(Tenant tenant) {
    return mongo.tenantDatabase(tenant.id(), tenant.config().mongoUri());
  }

  /** A batch of writes to the tenant's deployment. */
  public WriteBatch batch(Tenant tenant) {
    return mongo.batch(tenant.config().mongoUri());
  }

  /** Whether one batch can write to both the tenant's database and the control plane. */
  public boolean sharesControlPlane(Tenant tenant) {
    return !tenant.config().hasOwnDatabase();
  }

  public void createIndexes(Tenant tenant) {
    MongoDatabase db = of(tenant);
    for (IndexDeclaration d : declarations) {
      for (IndexDeclaration.Index i : d.indexes()) {
        db.getCollection(i.collection()).createIndex(i.keys(), new IndexOptions().unique(i.unique()));
      }
    }
  }

  public void drop(Tenant tenant) {
    of(tenant).drop();
  }
}
