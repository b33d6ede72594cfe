package org.mu1000.platform.persistence;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;

/**
 * The embedded wire server's backends with one thing MongoDB's query planner does and theirs does not: a query that
 * names one {@code _id} among other fields — every compare-and-set, {@code {_id: x, version: 3}} — reads that one
 * document through the {@code _id} index instead of scanning the collection. The backends use an index only for a
 * query of exactly its keys, so at a million lots each compare-and-set read every lot.
 */
public final class IdLookup {
  private IdLookup() {}

  /** The file-backed server of the local run. */
  public static MongoBackend h2(MVStore store) {
    return new H2(store);
  }

  /** The in-memory server of the tests. */
  public static MongoBackend memory() {
    return new Memory();
  }

  /**
   * The positions of the one document a query can match when it names a single plain {@code _id} beside other
   * fields; {@code null} when it does not (then the backend's own plan applies). The caller still matches the whole
   * query against that document.
   */
  static <P> Iterable<P> positions(List<Index<P>> indexes, Document query) {
    if (query.size() < 2) {
      return null; // {} scans; {_id: x} alone is what the backend already serves from the index
    }
    Object id = query.get("_id");
    if (id == null || id instanceof Document || id instanceof Collection || id instanceof Pattern) {
      return null; // operators ($in, $gt…), sub-document equality and patterns keep the backend's plan
    }
    Document byId = new Document("_id", id);
    for (Index<P> index : indexes) {
      if (index.isUnique() && index.canHandle(byId)) {
        return index.getPositions(byId);
      }
    }
    return null;
  }

  private static final class H2 extends H2Backend {
    H2(MVStore store) {
      super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
      return new H2Db(name, getMvStore(), getCursorRegistry());
    }
  }

  private static final class H2Db extends H2Database {
    /** The map names H2Database gives a collection's documents and metadata: the store on disk depends on them. */
    private static final String DATA = "databases.";
    private static final String META = "meta.";

    // H2Database opens its collections from its constructor, before a field of this class is set: pass the store
    // through a thread-local for that call.
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    private final MVStore store;

    H2Db(String name, MVStore store, CursorRegistry cursors) {
      super(opening(name, store), store, cursors);
      OPENING.remove();
      this.store = store;
    }

    private static String opening(String name, MVStore store) {
      OPENING.set(store);
      return name;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
      MVStore s = store != null ? store : OPENING.get();
      String full = getFullCollectionNamespace(name);
      return new H2Coll(this, name, options, s.openMap(DATA + full), s.openMap(META + full), cursorRegistry);
    }
  }

  private static final class H2Coll extends H2Collection {
    H2Coll(MongoDatabase db, String name, CollectionOptions options,
        org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
        CursorRegistry cursors) {
      super(db, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fields) {
      Iterable<Object> one = positions(getIndexes(), query);
      return one != null ? matchDocuments(query, one, orderBy, skip, limit, batchSize, fields)
          : super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }
  }

  private static final class Memory extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
      return new MemoryDb(name, getCursorRegistry());
    }
  }

  private static final class MemoryDb extends MemoryDatabase {
    MemoryDb(String name, CursorRegistry cursors) {
      super(name, cursors);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
      return new MemoryColl(this, name, options, cursorRegistry);
    }
  }

  private static final class MemoryColl extends MemoryCollection {
    MemoryColl(MongoDatabase db, String name, CollectionOptions options, CursorRegistry cursors) {
      super(db, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fields) {
      Iterable<Integer> one = positions(getIndexes(), query);
      return one != null ? matchDocuments(query, one, orderBy, skip, limit, batchSize, fields)
          : super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }
  }
}
