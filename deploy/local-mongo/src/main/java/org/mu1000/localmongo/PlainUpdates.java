package org.mu1000.localmongo;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The embedded backends' short path for the commonest write: {@code $inc}, {@code $set}, {@code $setOnInsert} and
 * {@code $unset} of plain field paths on the one existing document an {@code _id} names (every rollup increment,
 * compare-and-set of flags and {@code findAndModify} of an enrolment).
 *
 * <p>The backend makes five passes over the whole document for such an update: a deep copy to keep the old one, a
 * second deep copy to change, the changes (two regular expressions compiled per path), a comparison of the copies and
 * a comparison of every value normalised. A farmer's enrolment or a programme's rollup holds dozens of tallies, and
 * under intake that was a fifth of the wire server's time. Here the document is changed where it lies; a sub-document
 * on a changed path is copied first and the copy put in its place, so a reader encoding the document meanwhile sees
 * the old or the new sub-document, never one being changed (the backend's own copy-back gives the same guarantee).
 *
 * <p>Anything else is the backend's: other operators, positional or array paths, paths through a value that is not a
 * document, a field of an index other than {@code _id}, an upsert that inserts, {@code findAndModify} returning the
 * old document or a projection. Errors therefore stay the backend's: a path that would fail is never taken here.
 */
final class PlainUpdates<P> {

  private static final Set<String> OPERATORS = Set.of("$inc", "$set", "$setOnInsert", "$unset");

  /** How many writes took the short path (for tests). */
  static final AtomicLong TAKEN = new AtomicLong();

  private final Supplier<List<Index<P>>> indexes;
  private final Function<P, Document> read;
  private final BiConsumer<P, Document> stored;
  private final BiPredicate<Document, Document> matches;
  private final Supplier<String> fullName;

  /**
   * What a collection lends the short path: its indexes, its documents by position, where it stores a document
   * changed in place, how it matches a query, its name.
   */
  PlainUpdates(Supplier<List<Index<P>>> indexes, Function<P, Document> read, BiConsumer<P, Document> stored,
      BiPredicate<Document, Document> matches, Supplier<String> fullName) {
    this.indexes = indexes;
    this.read = read;
    this.stored = stored;
    this.matches = matches;
    this.fullName = fullName;
  }

  /** Answers an update through the short path; null when the backend must answer it. */
  Document updateOne(Document selector, Document update, ArrayFilters filters, boolean multi, Oplog oplog) {
    if (multi || !filters.isEmpty()) {
      return null;
    }
    Changed changed = change(selector, update);
    if (changed == null) {
      return null;
    }
    oplog.handleUpdate(fullName.get(), selector, update,
        changed.modified() ? List.of(changed.document().get("_id")) : List.of());
    Document result = new Document("n", 1);
    result.put("nModified", changed.modified() ? 1 : 0);
    return result;
  }

  /** Answers a findAndModify through the short path; null when the backend must answer it. */
  Document findAndModifyOne(Document command) {
    if (Utils.isTrue(command.get("remove")) || !Utils.isTrue(command.get("new")) || command.get("sort") != null
        || command.get("fields") != null || command.get("arrayFilters") != null
        || !(command.get("query") instanceof Document query) || !(command.get("update") instanceof Document u)) {
      return null;
    }
    Changed changed = change(query, u);
    if (changed == null) {
      return null;
    }
    Document last = new Document("updatedExisting", Boolean.TRUE);
    last.put("n", 1);
    Document result = new Document("lastErrorObject", last);
    result.put("value", changed.document());
    Utils.markOkay(result);
    return result;
  }

  private Changed change(Document selector, Document update) {
    Object id = selector.get("_id");
    if (id == null || id instanceof Document || id instanceof Collection || id instanceof Pattern) {
      return null;
    }
    List<Index<P>> all = indexes.get();
    List<Op> ops = ops(update, all);
    if (ops == null) {
      return null;
    }
    P position = position(all, id);
    Document document = position == null ? null : read.apply(position);
    if (document == null || !matches.test(document, selector) || !ops.stream().allMatch(op -> op.fits(document))) {
      return null;
    }
    TAKEN.incrementAndGet();
    Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
    boolean modified = false;
    boolean changed = false;
    for (Op op : ops) {
      int outcome = op.apply(document, copies);
      changed |= outcome != Op.SAME;
      modified |= outcome == Op.MODIFIED;
    }
    if (changed) {
      stored.accept(position, document);
    }
    return new Changed(document, modified);
  }

  private record Changed(Document document, boolean modified) {}

  private static <Q> Q position(List<Index<Q>> indexes, Object id) {
    Document byId = new Document("_id", id);
    for (Index<Q> index : indexes) {
      if (index.isUnique() && index.canHandle(byId)) {
        Iterator<Q> positions = index.getPositions(byId).iterator();
        return positions.hasNext() ? positions.next() : null;
      }
    }
    return null;
  }

  /** The update's changes, or null unless it is plain and touches no indexed field but {@code _id} (which none may). */
  private static List<Op> ops(Document update, List<? extends Index<?>> indexes) {
    if (update.isEmpty()) {
      return null;
    }
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, Object> e : update.entrySet()) {
      if (!OPERATORS.contains(e.getKey()) || !(e.getValue() instanceof Document fields)) {
        return null;
      }
      for (Map.Entry<String, Object> f : fields.entrySet()) {
        String[] path = path(f.getKey());
        // $setOnInsert changes nothing here (the document exists), so its fields may be indexed ones
        if (path == null || path[0].equals("_id")
            || !e.getKey().equals("$setOnInsert") && indexed(f.getKey(), indexes)) {
          return null;
        }
        Op op = new Op(e.getKey(), f.getKey(), path, f.getValue());
        if (op.kind.equals("$inc") && !(op.value instanceof Number)) {
          return null;
        }
        for (Op other : ops) {
          if (overlap(op.key, other.key)) {
            return null; // the backend refuses conflicting paths
          }
        }
        ops.add(op);
      }
    }
    return ops;
  }

  /** The fragments of a plain path: no empty fragment, no operator ({@code $}, {@code $[]}); null otherwise. */
  private static String[] path(String key) {
    String[] path = key.split("\\.", -1);
    for (String p : path) {
      if (p.isEmpty() || p.charAt(0) == '$') {
        return null;
      }
    }
    return path;
  }

  private static boolean indexed(String key, List<? extends Index<?>> indexes) {
    for (Index<?> index : indexes) {
      for (IndexKey k : index.getKeys()) {
        if (!k.getKey().equals("_id") && overlap(key, k.getKey())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether one path is the other or runs through it (without building strings: this runs for every update). */
  private static boolean overlap(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = shorter == a ? b : a;
    return longer.startsWith(shorter)
        && (longer.length() == shorter.length() || longer.charAt(shorter.length()) == '.');
  }

  private static final class Op {
    static final int SAME = 0;
    /** Stored anew, yet not counted as modified: equal as the backend compares (numbers by value, 1 and 1L alike). */
    static final int REWRITTEN = 1;
    static final int MODIFIED = 2;

    final String kind;
    final String key;
    final String[] path;
    final Object value;

    Op(String kind, String key, String[] path, Object value) {
      this.kind = kind;
      this.key = key;
      this.path = path;
      this.value = value;
    }

    /**
     * Whether the short path gives what the backend would: every step on the way a document or absent, a number to
     * increment, field names the backend accepts, and no number replaced by an equal one of another type (which the
     * backend stores yet does not count as modified).
     */
    boolean fits(Document document) {
      Document parent = document;
      for (int i = 0; i < path.length - 1; i++) {
        if (!parent.containsKey(path[i])) {
          return valid(); // created on the way (or nothing to unset)
        }
        if (!(parent.get(path[i]) instanceof Document d)) {
          return false; // null, an array or a value: the backend decides (or refuses)
        }
        parent = d;
      }
      Object old = parent.get(path[path.length - 1]);
      return switch (kind) {
        case "$inc" -> old == null && !parent.containsKey(path[path.length - 1]) || old instanceof Number;
        case "$set" -> !(old instanceof Number && value instanceof Number && old.getClass() != value.getClass())
            && valid();
        default -> true;
      };
    }

    int apply(Document document, Set<Document> copies) {
      if (kind.equals("$setOnInsert")) {
        return SAME; // the document exists
      }
      Document parent = document;
      for (int i = 0; i < path.length - 1; i++) {
        Object next = parent.get(path[i]);
        if (next == null) {
          if (kind.equals("$unset")) {
            return SAME;
          }
          Document created = new Document();
          copies.add(created);
          parent.put(path[i], created);
          parent = created;
        } else if (copies.contains((Document) next)) {
          parent = (Document) next;
        } else {
          Document copy = ((Document) next).clone();
          copies.add(copy);
          parent.put(path[i], copy);
          parent = copy;
        }
      }
      String leaf = path[path.length - 1];
      boolean present = parent.containsKey(leaf);
      Object old = parent.get(leaf);
      switch (kind) {
        case "$unset" -> {
          if (!present) {
            return SAME;
          }
          parent.remove(leaf);
          return MODIFIED;
        }
        case "$inc" -> {
          Object now = NumericUtils.addNumbers(present ? (Number) old : Integer.valueOf(0), (Number) value);
          parent.put(leaf, now);
          return outcome(present, old, now);
        }
        default -> {
          parent.put(leaf, value);
          return outcome(present, old, value);
        }
      }
    }

    private static int outcome(boolean present, Object old, Object now) {
      if (!present) {
        return MODIFIED;
      }
      return Objects.equals(old, now) ? SAME : Objects.equals(normal(old), normal(now)) ? REWRITTEN : MODIFIED;
    }

    /** A value as the backend compares documents to count modifications (its {@code Utils.normalizeValue}). */
    private static Object normal(Object value) {
      if (value instanceof Long l && l != (long) l.doubleValue()) {
        return l;
      }
      if (value instanceof Number n) {
        double d = n.doubleValue();
        return d == -0.0 ? 0.0 : d;
      }
      if (value instanceof Map<?, ?> m) {
        Map<Object, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, normal(v)));
        return out;
      }
      if (value instanceof Collection<?> c) {
        return c.stream().map(Op::normal).toList();
      }
      return value;
    }

    /** A value set must have field names the backend accepts (it checks the whole document after an update). */
    private boolean valid() {
      if (!kind.equals("$set") || !(value instanceof Document || value instanceof Collection)) {
        return true;
      }
      try {
        Utils.validateFieldNames(new Document("value", value));
        return true;
      } catch (RuntimeException invalid) {
        return false;
      }
    }
  }
}
