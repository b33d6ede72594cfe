package org.mu1000.platform.valuechain.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mu1000.platform.shared.infrastructure.mongo.MongoRecords;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** The value chain's records as documents in one tenant's database. */
public final class MongoValueChainStore extends MongoRecords implements ValueChainStore {
  public MongoValueChainStore(MongoDatabase db) {
    super(db);
  }

  /** The stores of every tenant, each in the tenant's own database. */
  @ApplicationScoped
  public static class Stores implements ValueChainStore.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public ValueChainStore of(Tenant tenant) {
      return new MongoValueChainStore(databases.of(tenant));
    }
  }
}
