package org.mu1000.platform.impact.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;

/** Indexes of the impact figures: a programme's rollups of a season are read by level. */
@ApplicationScoped
public class ImpactIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(new Index(RollupStore.ROLLUPS, new Document("programmeId", 1).append("season", 1)
        .append("level", 1), false));
  }
}
