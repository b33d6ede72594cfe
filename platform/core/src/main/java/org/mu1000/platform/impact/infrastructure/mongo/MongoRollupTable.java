package org.mu1000.platform.impact.infrastructure.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupTable;

/** Rollups of one kind in a collection: increments are the server's $inc, changes compare-and-set on the version. */
public final class MongoRollupTable implements RollupTable {
  private final MongoCollection<Document> coll;

  public MongoRollupTable(MongoCollection<Document> coll) {
    this.coll = coll;
  }

  @Override
  public void inc(List<Inc> incs) {
    List<UpdateOneModel<Document>> ops = new ArrayList<>();
    for (Inc i : incs) {
      ops.add(new UpdateOneModel<>(MongoRollups.filter(i), MongoRollups.update(i), new UpdateOptions().upsert(true)));
    }
    coll.bulkWrite(ops);
  }

  @Override
  public Rollup incAndGet(Inc i) {
    return MongoRollups.rollup(coll.findOneAndUpdate(MongoRollups.filter(i), MongoRollups.update(i),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
  }

  @Override
  public boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set) {
    Document filter = new Document("_id", id);
    expected.forEach((k, v) -> filter.append(k, MongoRollups.bson(v)));
    return coll.updateOne(filter, new Document("$set", MongoRollups.document(set)).append("$inc",
        new Document("v", 1L))).getMatchedCount() == 1;
  }

  @Override
  public Rollup[] update(String id, UnaryOperator<Rollup> change) {
    for (int attempt = 0; attempt < 50; attempt++) {
      Rollup before = get(id);
      Rollup next = change.apply(before == null ? new Rollup().append("_id", id) : new Rollup(before));
      long v = RollupTable.version(before);
      Document match = before == null || before.get("v") == null ? new Document("_id", id).append("v", null)
          : new Document("_id", id).append("v", v);
      if (next == null) {
        if (before == null || coll.deleteOne(match).getDeletedCount() == 1) {
          return new Rollup[] {before, null};
        }
        continue;
      }
      next.put("v", v + 1);
      if (before == null) {
        try {
          coll.insertOne(MongoRollups.document(next));
          return new Rollup[] {null, next};
        } catch (MongoWriteException e) {
          if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
          }
        }
      } else if (coll.replaceOne(match, MongoRollups.document(next)).getMatchedCount() == 1) {
        return new Rollup[] {before, next};
      }
    }
    throw new IllegalStateException("rollup " + id + " is under too much contention");
  }

  @Override
  public Rollup get(String id) {
    return MongoRollups.rollup(coll.find(new Document("_id", id)).first());
  }
}
