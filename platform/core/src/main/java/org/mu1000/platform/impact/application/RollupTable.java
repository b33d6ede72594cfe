package org.mu1000.platform.impact.application;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Where rollup documents live while they change: the tenant's collection (live updates) or a map (the recompute,
 * written in one go afterwards). Sums move by atomic increments, so many agents can record intake for one programme
 * without retrying on its document; flags move by compare-and-set. Both backends run the same operations, which is
 * why a recompute gives identical figures.
 */
interface RollupTable {
  /**
   * One increment of a document: amounts (BigDecimal, stored as Decimal128), counts (Integer) and versions (Long) by
   * dotted path; fields set on creation.
   */
  record Inc(String id, Map<String, Object> inc, Map<String, Object> onInsert) {}

  /** Applies the increments (creating documents as needed) in one round trip. */
  void inc(List<Inc> incs);

  /** Applies one increment and returns the document after it. */
  Document incAndGet(Inc inc);

  /**
   * Sets fields (by dotted path) if the document still has the {@code expected} values; false if someone changed them
   * first. A set is a change: the version moves, so a compare-and-set {@link #update} in flight reads again.
   */
  boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set);

  /**
   * Applies {@code change} to the document (a fresh one if absent) with compare-and-set; returns {before, after}. A
   * change that returns null deletes the document (after is null then).
   */
  Document[] update(String id, UnaryOperator<Document> change);

  Document get(String id);

  static RollupTable of(MongoCollection<Document> coll) {
    return new RollupTable() {
      @Override
      public void inc(List<Inc> incs) {
        List<UpdateOneModel<Document>> ops = new ArrayList<>();
        for (Inc i : incs) {
          ops.add(new UpdateOneModel<>(filter(i), RollupTable.update(i), new UpdateOptions().upsert(true)));
        }
        coll.bulkWrite(ops);
      }

      @Override
      public Document incAndGet(Inc i) {
        return coll.findOneAndUpdate(filter(i), RollupTable.update(i),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
      }

      @Override
      public boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set) {
        Document filter = new Document("_id", id);
        expected.forEach((k, v) -> filter.append(k, v));
        return coll.updateOne(filter, new Document("$set", new Document(set)).append("$inc", new Document("v", 1L)))
            .getMatchedCount() == 1;
      }

      @Override
      public Document[] update(String id, UnaryOperator<Document> change) {
        for (int attempt = 0; attempt < 50; attempt++) {
          Document before = coll.find(new Document("_id", id)).first();
          Document next = change.apply(before == null ? new Document("_id", id) : new Document(before));
          long v = version(before);
          Document match = before == null || before.get("v") == null ? new Document("_id", id).append("v", null)
              : new Document("_id", id).append("v", v);
          if (next == null) {
            if (before == null || coll.deleteOne(match).getDeletedCount() == 1) {
              return new Document[] {before, null};
            }
            continue;
          }
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
          } else if (coll.replaceOne(match, next).getMatchedCount() == 1) {
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

  /** The same operations on documents in memory. */
  final class Memory implements RollupTable {
    final Map<String, Document> docs = new LinkedHashMap<>();

    @Override
    public void inc(List<Inc> incs) {
      incs.forEach(this::incAndGet);
    }

    @Override
    public Document incAndGet(Inc i) {
      Document d = docs.computeIfAbsent(i.id(), id -> {
        Document n = new Document("_id", id);
        n.putAll(i.onInsert());
        return n;
      });
      increment(d, i.inc());
      return d;
    }

    /** Applies increments by dotted path as the server's $inc does (creating what is missing). */
    static void increment(Document d, Map<String, Object> inc) {
      inc.forEach((path, v) -> {
        int dot = path.lastIndexOf('.');
        Document at = dot < 0 ? d : within(d, path.substring(0, dot));
        String leaf = path.substring(dot + 1);
        Object cur = at.get(leaf);
        if (v instanceof BigDecimal b) {
          BigDecimal base = cur == null ? BigDecimal.ZERO : ((Decimal128) cur).bigDecimalValue();
          at.put(leaf, new Decimal128(cur == null ? b : base.add(b)));
        } else if (v instanceof Long n) {
          at.put(leaf, (cur == null ? 0L : ((Number) cur).longValue()) + n);
        } else {
          at.put(leaf, (cur == null ? 0 : ((Number) cur).intValue()) + ((Number) v).intValue());
        }
      });
    }

    @Override
    public boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set) {
      Document d = docs.get(id);
      // a missing part reads as null, as a query for null matches it
      if (d == null || expected.entrySet().stream().anyMatch(e -> !java.util.Objects.equals(
          d.getEmbedded(List.of(e.getKey().split("\\.")), Object.class), e.getValue()))) {
        return false;
      }
      set.forEach((path, v) -> {
        int dot = path.lastIndexOf('.');
        Document parent = dot < 0 ? d : within(d, path.substring(0, dot));
        parent.put(path.substring(dot + 1), v);
      });
      d.put("v", version(d) + 1);
      return true;
    }

    /** The sub-document at a dotted path, created where missing. */
    private static Document within(Document d, String path) {
      Document at = d;
      for (String part : path.split("\\.")) {
        Document next = at.get(part, Document.class);
        if (next == null) {
          next = new Document();
          at.put(part, next);
        }
        at = next;
      }
      return at;
    }

    @Override
    public Document[] update(String id, UnaryOperator<Document> change) {
      Document before = docs.get(id);
      Document next = change.apply(before == null ? new Document("_id", id) : new Document(before));
      if (next == null) {
        docs.remove(id);
        return new Document[] {before, null};
      }
      next.put("v", version(before) + 1);
      docs.put(id, next);
      return new Document[] {before, next};
    }

    @Override
    public Document get(String id) {
      return docs.get(id);
    }
  }

  /**
   * The document as an increment leaves it, the document itself unchanged: its sub-documents on the incremented
   * paths are copied before they change.
   */
  static Document incremented(Document d, Map<String, Object> inc) {
    Document copy = new Document(d);
    for (String path : inc.keySet()) {
      Document at = copy;
      for (int from = 0, dot; (dot = path.indexOf('.', from)) >= 0 && at.get(path.substring(from, dot))
          instanceof Document sub; from = dot + 1) {
        Document own = new Document(sub);
        at.put(path.substring(from, dot), own);
        at = own;
      }
    }
    Memory.increment(copy, inc);
    return copy;
  }

  /** A document's version for compare-and-set: 0 if absent. */
  static long version(Document d) {
    return d == null || d.get("v") == null ? 0L : ((Number) d.get("v")).longValue();
  }

  /** The document an increment applies to. */
  static Bson filter(Inc i) {
    return new Document("_id", i.id());
  }

  /**
   * The update of an increment (with upsert: the fields set when it creates the document), as a plain document: the
   * driver encodes it as it is, where {@code Updates.combine} builds a BSON document of every part first.
   */
  static Bson update(Inc i) {
    Document u = new Document();
    if (!i.inc().isEmpty()) {
      Document inc = new Document();
      i.inc().forEach((k, v) -> inc.append(k, (Number) bson(v)));
      u.append("$inc", inc);
    }
    if (!i.onInsert().isEmpty()) {
      u.append("$setOnInsert", new Document(i.onInsert()));
    }
    return u;
  }

  private static Object bson(Object v) {
    return v instanceof BigDecimal b ? new Decimal128(b) : v;
  }
}
