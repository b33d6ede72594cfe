package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where rollup documents live while they change: the tenant's collection (live updates) or a map (the recompute,
 * written in one go afterwards). Sums move by atomic increments, so many agents can record intake for one programme
 * without retrying on its document; flags move by compare-and-set. Both backends run the same operations, which is
 * why a recompute gives identical figures.
 */
public interface RollupTable {
  /**
   * One increment of a rollup: amounts (BigDecimal), counts (Integer) and versions (Long) by
   * dotted path; fields set on creation.
   */
  record Inc(String id, Map<String, Object> inc, Map<String, Object> onInsert) {}

  /** Applies the increments (creating documents as needed) in one round trip. */
  void inc(List<Inc> incs);

  /** Applies one increment and returns the document after it. */
  Rollup incAndGet(Inc inc);

  /**
   * Sets fields (by dotted path) if the document still has the {@code expected} values; false if someone changed them
   * first. A set is a change: the version moves, so a compare-and-set {@link #update} in flight reads again.
   */
  boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set);

  /**
   * Applies {@code change} to the document (a fresh one if absent) with compare-and-set; returns {before, after}. A
   * change that returns null deletes the document (after is null then).
   */
  Rollup[] update(String id, UnaryOperator<Rollup> change);

  Rollup get(String id);

  static Memory memory() {
    return new Memory();
  }

  /** The same operations on documents in memory. */
  final class Memory implements RollupTable {
    private final Map<String, Rollup> docs = new LinkedHashMap<>();

    /** Every rollup held, in the order they were created. */
    public java.util.Collection<Rollup> all() {
      return docs.values();
    }

    @Override
    public void inc(List<Inc> incs) {
      incs.forEach(this::incAndGet);
    }

    @Override
    public Rollup incAndGet(Inc i) {
      Rollup d = docs.computeIfAbsent(i.id(), id -> {
        Rollup n = new Rollup().append("_id", id);
        n.putAll(i.onInsert());
        return n;
      });
      increment(d, i.inc());
      return d;
    }

    /** Applies increments by dotted path as the server's $inc does (creating what is missing). */
    public static void increment(Rollup d, Map<String, Object> inc) {
      inc.forEach((path, v) -> {
        int dot = path.lastIndexOf('.');
        Rollup at = dot < 0 ? d : within(d, path.substring(0, dot));
        String leaf = path.substring(dot + 1);
        Object cur = at.get(leaf);
        if (v instanceof BigDecimal b) {
          at.put(leaf, cur == null ? b : ((BigDecimal) cur).add(b));
        } else if (v instanceof Long n) {
          at.put(leaf, (cur == null ? 0L : ((Number) cur).longValue()) + n);
        } else {
          at.put(leaf, (cur == null ? 0 : ((Number) cur).intValue()) + ((Number) v).intValue());
        }
      });
    }

    @Override
    public boolean setIf(String id, Map<String, Object> expected, Map<String, Object> set) {
      Rollup d = docs.get(id);
      // a missing part reads as null, as a query for null matches it
      if (d == null || expected.entrySet().stream().anyMatch(e -> !java.util.Objects.equals(
          d.at(List.of(e.getKey().split("\\."))), e.getValue()))) {
        return false;
      }
      set.forEach((path, v) -> {
        int dot = path.lastIndexOf('.');
        Rollup parent = dot < 0 ? d : within(d, path.substring(0, dot));
        parent.put(path.substring(dot + 1), v);
      });
      d.put("v", version(d) + 1);
      return true;
    }

    /** The sub-document at a dotted path, created where missing. */
    private static Rollup within(Rollup d, String path) {
      Rollup at = d;
      for (String part : path.split("\\.")) {
        Rollup next = at.sub(part);
        if (next == null) {
          next = new Rollup();
          at.put(part, next);
        }
        at = next;
      }
      return at;
    }

    @Override
    public Rollup[] update(String id, UnaryOperator<Rollup> change) {
      Rollup before = docs.get(id);
      Rollup next = change.apply(before == null ? new Rollup().append("_id", id) : new Rollup(before));
      if (next == null) {
        docs.remove(id);
        return new Rollup[] {before, null};
      }
      next.put("v", version(before) + 1);
      docs.put(id, next);
      return new Rollup[] {before, next};
    }

    @Override
    public Rollup get(String id) {
      return docs.get(id);
    }
  }

  /**
   * The document as an increment leaves it, the document itself unchanged: its sub-documents on the incremented
   * paths are copied before they change.
   */
  static Rollup incremented(Rollup d, Map<String, Object> inc) {
    Rollup copy = new Rollup(d);
    for (String path : inc.keySet()) {
      Rollup at = copy;
      for (int from = 0, dot; (dot = path.indexOf('.', from)) >= 0 && at.get(path.substring(from, dot))
          instanceof Rollup sub; from = dot + 1) {
        Rollup own = new Rollup(sub);
        at.put(path.substring(from, dot), own);
        at = own;
      }
    }
    Memory.increment(copy, inc);
    return copy;
  }

  /** A document's version for compare-and-set: 0 if absent. */
  static long version(Rollup d) {
    return d == null || d.get("v") == null ? 0L : ((Number) d.get("v")).longValue();
  }
}
