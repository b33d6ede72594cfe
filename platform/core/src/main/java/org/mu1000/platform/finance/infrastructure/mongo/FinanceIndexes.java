package org.mu1000.platform.finance.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;

/** A farmer's statement reads the journal by account and date; sweeps read payouts by state and age. */
@ApplicationScoped
public class FinanceIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(
        new Index(FinanceStore.JOURNAL, new Document("accounts", 1).append("date", 1), false),
        new Index(FinanceStore.JOURNAL, new Document("causeId", 1), false),
        new Index(FinanceStore.PAYMENTS, new Document("shipmentId", 1), false),
        new Index(FinanceStore.BATCHES, new Document("cooperativeId", 1).append("preparedAt", -1), false),
        new Index(FinanceStore.PAYOUTS, new Document("batchId", 1).append("status", 1), false),
        new Index(FinanceStore.PAYOUTS, new Document("status", 1).append("handedAt", 1), false),
        new Index(FinanceStore.PAYOUTS, new Document("farmerId", 1), false),
        new Index(FinanceStore.LOANS, new Document("farmerId", 1).append("status", 1), false),
        new Index(FinanceStore.LOANS, new Document("cooperativeId", 1).append("appliedAt", -1), false),
        new Index(FinanceStore.LOANS, new Document("status", 1), false));
  }
}
