package org.mu1000.platform.registry.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;

/** The registry's indexes. Hot paths use _id lookups; these help list filters on a real MongoDB. */
@ApplicationScoped
public class RegistryIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(
        new Index(MongoRegistryRepository.FARMERS, new Document("cooperativeId", 1).append("familyName", 1), false),
        new Index(MongoRegistryRepository.FARMERS, new Document("names", 1), false),
        new Index(MongoRegistryRepository.PLOTS, new Document("farmerId", 1), false),
        new Index("audit", new Document("entityType", 1).append("entityId", 1), false));
  }
}
