package org.mu1000.platform.valuechain.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** Indexes of the value chain: lots are looked up by farmer, order line, warehouse and status. */
@ApplicationScoped
public class ValueChainIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(
        new Index(ValueChainStore.LOTS, new Document("code", 1), true),
        new Index(ValueChainStore.LOTS, new Document("farmerId", 1).append("harvestDate", 1), false),
        new Index(ValueChainStore.LOTS, new Document("orderId", 1).append("orderLineId", 1), false),
        new Index(ValueChainStore.LOTS, new Document("warehouseId", 1).append("status", 1), false),
        new Index(ValueChainStore.ORDERS, new Document("number", 1), false));
  }
}
