package org.mu1000.platform.finance.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.shared.infrastructure.mongo.MongoRecords;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;

/** The ledger, payments and payouts as documents in one tenant's database. */
public final class MongoFinanceStore extends MongoRecords implements FinanceStore {
  public MongoFinanceStore(MongoDatabase db) {
    super(db);
  }

  /** The stores of every tenant, each in the tenant's own database. */
  @ApplicationScoped
  public static class Stores implements FinanceStore.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public FinanceStore of(Tenant tenant) {
      return new MongoFinanceStore(databases.of(tenant));
    }
  }

  @Override
  public Map<String, BigDecimal> balances() {
    return sum(new Document(), "");
  }

  @Override
  public Map<String, BigDecimal> balances(String prefix) {
    return sum(Filters.regex("accounts", "^" + Pattern.quote(prefix)), prefix);
  }

  private Map<String, BigDecimal> sum(Bson filter, String prefix) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (Document e : db.getCollection(JOURNAL).find(filter).projection(Projections.include("postings"))
        .batchSize(1000)) {
      for (Document p : e.getList("postings", Document.class, List.of())) {
        String account = p.getString("account");
        if (account.startsWith(prefix)) {
          Object amount = p.get("amount");
          BigDecimal a = amount instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(String.valueOf(amount));
          out.merge(account, a, BigDecimal::add);
        }
      }
    }
    return out;
  }
}
