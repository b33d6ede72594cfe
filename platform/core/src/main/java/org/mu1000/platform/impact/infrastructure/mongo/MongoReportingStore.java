package org.mu1000.platform.impact.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.impact.domain.ReportingStore;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;
import org.mu1000.platform.shared.infrastructure.mongo.MongoRecords;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Jobs, funding and IATI records as documents in one tenant's database. */
public final class MongoReportingStore extends MongoRecords implements ReportingStore {
  public MongoReportingStore(MongoDatabase db) {
    super(db);
  }

  /** The stores of every tenant, each in the tenant's own database. */
  @ApplicationScoped
  public static class Stores implements ReportingStore.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public ReportingStore of(Tenant tenant) {
      return new MongoReportingStore(databases.of(tenant));
    }
  }

  /** Declarations are read by programme, cooperative and period; funding by programme and by donor. */
  @ApplicationScoped
  public static class Indexes implements IndexDeclaration {
    @Override
    public List<Index> indexes() {
      return List.of(new Index(JOBS, new Document("programmeId", 1).append("cooperativeId", 1).append("period", -1),
          false), new Index(FUNDING, new Document("programmeId", 1), false),
          new Index(FUNDING, new Document("donors", 1), false));
    }
  }
}
