package org.mu1000.platform.training.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.mu1000.platform.shared.infrastructure.mongo.MongoRecords;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.TrainingStore;

/** Courses, sessions and attendance as documents in one tenant's database. */
public final class MongoTrainingStore extends MongoRecords implements TrainingStore {
  public MongoTrainingStore(MongoDatabase db) {
    super(db);
  }

  /** The stores of every tenant, each in the tenant's own database. */
  @ApplicationScoped
  public static class Stores implements TrainingStore.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public TrainingStore of(Tenant tenant) {
      return new MongoTrainingStore(databases.of(tenant));
    }
  }
}
