package org.mu1000.platform.shared.infrastructure.mongo;

import java.util.List;
import org.bson.Document;

/**
 * A module's indexes on a tenant database. Each context declares its own as a CDI bean; provisioning (and start-up,
 * for every tenant) creates them all.
 */
public interface IndexDeclaration {
  /** An index; with {@code expireAfterSeconds}, a TTL index: documents go that long after the indexed date. */
  record Index(String collection, Document keys, boolean unique, Long expireAfterSeconds) {
    public Index(String collection, Document keys, boolean unique) {
      this(collection, keys, unique, null);
    }
  }

  List<Index> indexes();
}
