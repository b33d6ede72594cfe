package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The embedded wire server's backends (mongo-java-server), with three fixes that matter once a tenant holds a million
 * lots, and MongoDB 8's {@code bulkWrite} command ({@link BulkWriteCommand}). Each makes the local store behave as
 * MongoDB does; none changes what a query answers.
 * <ul>
 *   <li>A query that names one {@code _id} among other fields — every compare-and-set, {@code {_id: x, version: 3}}
 *       — reads that one document through the {@code _id} index. The backends use an index only for a query of
 *       exactly its keys, so each compare-and-set read the whole collection.</li>
 *   <li>The H2 store's unique indexes ({@code _id} first) order their keys by value. The backend orders them by their
 *       Java-serialised bytes, so every lookup serialised about twenty keys.</li>
 *   <li>Secondary indexes are not kept by the backends (a query without {@code _id} scans), yet on opening a store
 *       they read every document once per secondary index "to build it": minutes before a large store opened.</li>
 * </ul>
 */
public final class EmbeddedBackends {
  private EmbeddedBackends() {}

  /** The file-backed server of the local run. */
  public static MongoBackend h2(MVStore store) {
    return new H2(store);
  }

  /** The in-memory server of the tests. */
  public static MongoBackend memory() {
    return new Memory();
  }

  /** How many inserts into the H2 store put their keys without the backend's check pass so far (for tests). */
  static long shortInserts() {
    return H2Coll.SHORT_INSERTS.sum();
  }

  /** How many documents the H2 store has encoded to write them back so far (for tests). */
  static long encodings() {
    return Stored.ENCODINGS.sum();
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

  /** A secondary index as the backends keep it (not at all), without the pointless read of every document. */
  static <P> Index<P> secondary(String name, List<IndexKey> keys) {
    return new EmptyIndex<>(name, keys) {
      @Override
      public boolean isEmpty() {
        return false; // there is nothing to build: the collection must not be read to build it
      }
    };
  }

  private static final class H2 extends H2Backend {
    H2(MVStore store) {
      super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
      return new H2Db(name, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
      return BulkWriteCommand.answer(message, this, super::handleMessage);
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

    private MVStore store() {
      return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
      MVStore s = store();
      String full = getFullCollectionNamespace(name);
      return new H2Coll(this, name, options, s.openMap(DATA + full, new MVMap.Builder<Object, Stored>()
          .valueType(new BsonValues())), s.openMap(META + full), cursorRegistry, s);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
        boolean sparse) {
      return secondary(name, keys);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
        boolean sparse) {
      // A store written by the plain backend keeps its byte-ordered copy ("._index_" + name) unused: ours is built
      // once from the documents. It is not removed while the store opens: freeing that much space starts the
      // background compaction, which then frees chunks under the long read that builds the index ("Chunk not found").
      return new ValueOrderedIndex(indexMap(collection, name), name, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String name) {
      super.dropIndex(collection, name);
      // removed as opened with its key type: removeMap(name) would open it with one that cannot compare keys
      store().removeMap(indexMap(collection.getCollectionName(), name));
    }

    private MVMap<KeyValue, Object> indexMap(String collection, String name) {
      return store().openMap(getFullCollectionNamespace(collection) + "._vindex_" + name,
          new MVMap.Builder<KeyValue, Object>().keyType(new ValueOrder()));
    }
  }

  private static final class Memory extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String name) {
      return new MemoryDb(name, getCursorRegistry());
    }

    @Override
    public Document handleMessage(MongoMessage message) {
      return BulkWriteCommand.answer(message, this, super::handleMessage);
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

    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
        boolean sparse) {
      return secondary(name, keys);
    }
  }

  private static final class MemoryColl extends MemoryCollection {
    private final PlainUpdates<Integer> plain = new PlainUpdates<>(this::getIndexes, this::getDocument,
        (position, d) -> handleUpdate(position, d, d), this::documentMatchesQuery, this::getFullName);

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

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters filters,
        boolean multi, boolean upsert, Oplog oplog) {
      Document done = plain.updateOne(selector, update, filters, multi, oplog);
      return done != null ? done : super.updateDocuments(selector, update, filters, multi, upsert, oplog);
    }

    @Override
    public synchronized Document findAndModify(Document command) {
      Document done = plain.findAndModifyOne(command);
      return done != null ? done : super.findAndModify(command);
    }

  }
}
