package org.mu1000.platform.traceability.infrastructure.mongo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.IndexDeclaration;

/** Indexes of the trace: a lot's events are found by the lot. */
@ApplicationScoped
public class TraceIndexes implements IndexDeclaration {
  @Override
  public List<Index> indexes() {
    return List.of(new Index(MongoEventLog.EVENTS, new Document("lots", 1), false));
  }
}
