package org.mu1000.platform.idempotency.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;

/** The idempotency keys go when they expire (a TTL index on {@code expiresAt}). */
@ApplicationScoped
public class IdempotencyIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(new Index(MongoIdempotencyStore.KEYS, new Document("expiresAt", 1), false, 0L));
  }
}
