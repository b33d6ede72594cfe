package org.mu1000.platform.impact;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;

/**
 * Where rollup documents live while they are changed: the tenant's collection (compare-and-set on a version, for
 * the live updates) or a map (for the recompute, written in one go afterwards). Both run the same change code,
 * which is why a recompute gives the identical figures.
 */
interface RollupTable {
  /** Applies {@code change} to the document {@code id} (a fresh empty one if absent); returns {before, after}. */
  Document[] update(String id, UnaryOperator<Document> change);

  Document get(String id);

  static RollupTable of(MongoCollection<Document> coll) {
    return new RollupTable() {
      @Override
      public Document[] update(String id, UnaryOperator<Document> change) {
        for (int attempt = 0; attempt < 50; attempt++) {
          Document before = coll.find(new Document("_id", id)).first();
          Document next = change.apply(before == null ? new Document("_id", id) : new Document(before));
          long v = before == null ? 0L : before.getLong("v");
          next.put("v", v + 1);
          if (before == null) {
            try {
              coll.insertOne(next);
              return new Document[] {null, next};
            } catch (MongoWriteException e) {
              if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
              }
            }
          } else if (coll.replaceOne(new Document("_id", id).append("v", v), next).getMatchedCount() == 1) {
            return new Document[] {before, next};
          }
        }
        throw new IllegalStateException("rollup " + id + " is under too much contention");
      }

      @Override
      public Document get(String id) {
        return coll.find(new Document("_id", id)).first();
      }
    };
  }

  static Memory memory() {
    return new Memory();
  }

  final class Memory implements RollupTable {
    final Map<String, Document> docs = new LinkedHashMap<>();

    @Override
    public Document[] update(String id, UnaryOperator<Document> change) {
      Document before = docs.get(id);
      Document next = change.apply(before == null ? new Document("_id", id) : new Document(before));
      next.put("v", (before == null ? 0L : before.getLong("v")) + 1);
      docs.put(id, next);
      return new Document[] {before, next};
    }

    @Override
    public Document get(String id) {
      return docs.get(id);
    }
  }
}
