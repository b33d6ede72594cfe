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

  /**
   * The collection's documents are held as {@link Stored}: the library's collection reads and writes them as plain
   * documents through its own field, so every method of it that touches the map is answered here.
   */
  private static final class H2Coll extends H2Collection {
    /** Inserts that took the short path of {@link #addDocument} (for tests). */
    static final java.util.concurrent.atomic.LongAdder SHORT_INSERTS = new java.util.concurrent.atomic.LongAdder();

    private final MVStore store;
    private final MVMap<Object, Stored> data;
    private final PlainUpdates<Object> plain = new PlainUpdates<>(this::getIndexes, this::getDocument,
        (position, d) -> handleUpdate(position, d, d), this::documentMatchesQuery, this::getFullName);

    @SuppressWarnings({"unchecked", "rawtypes"})
    H2Coll(MongoDatabase db, String name, CollectionOptions options, MVMap<Object, Stored> data,
        MVMap<String, Object> meta, CursorRegistry cursors, MVStore store) {
      super(db, name, options, (MVMap) data, meta, cursors);
      this.store = store;
      this.data = data;
    }

    @Override
    protected Document getDocument(Object position) {
      Stored s = data.get(position);
      return s == null ? null : s.document;
    }

    @Override
    protected void removeDocument(Object position) {
      if (data.remove(position) == null) {
        throw new java.util.NoSuchElementException("No document with key " + position);
      }
    }

    @Override
    protected java.util.stream.Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
      return data.entrySet().stream().map(e -> new DocumentWithPosition<>(e.getValue().document, e.getKey()));
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fields) {
      Iterable<Object> one = positions(getIndexes(), query);
      return one != null ? matchDocuments(query, one, orderBy, skip, limit, batchSize, fields)
          : super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
    }

    /**
     * A scan reads the version of the store it started on. H2 frees a chunk 45 s after no version in use needs it;
     * the backend does not say which version it reads, so a scan longer than that (a million lots under load) met
     * "Chunk … not found". Declaring the version keeps its chunks until the scan is done.
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
        Document fields) {
      return reading(() -> matchDocumentsFromStream(isNaturalDescending(orderBy)
          ? streamAllDocumentsWithPosition().sorted(Comparator.comparing(DocumentWithPosition::getPosition,
              ValueComparator.desc())).map(DocumentWithPosition::getDocument)
          : data.values().stream().map(s -> s.document), query, orderBy, skip, limit, batchSize, fields));
    }

    /** Building an index on open reads every document too. */
    @Override
    public void addIndex(Index<Object> index) {
      reading(() -> {
        super.addIndex(index);
        return null;
      });
    }

    /**
     * The backend keeps a collection's size in its metadata by encoding every document it inserts, and both the old
     * and the new version of every document it updates, only to measure them: a few per cent of the server's time.
     * Nothing here asks for the size (collStats reports the last one tracked).
     */
    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    /**
     * The backend changes a stored document in place, then puts it back: the put holds it as a new {@link Stored},
     * without BSON, while the one it replaces keeps what the versions of the store before the change hold.
     */
    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
      data.put(Missing.ofNullable(position), new Stored(newDocument));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
      Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField())
          : java.util.UUID.randomUUID();
      Stored previous = data.put(Missing.ofNullable(key), new Stored(document));
      if (previous != null) {
        throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
      }
      return key;
    }

    /**
     * Inserts a document with a string id whose every unique key is a string in a plain field (ids, lot codes) in one
     * look-up per index. The backend first checks every index, then adds to each: two descents of a tree of millions
     * of keys per index (a tenth of the server's time under intake). Here each key is put if absent, before the
     * document; a key already taken takes back those put before it, so a refused insert still writes nothing.
     * Secondary indexes hold nothing ({@link #secondary}), so they do not stand in the way. Any other document takes
     * the backend's path.
     */
    @Override
    public synchronized void addDocument(Document document) {
      List<ValueOrderedIndex> unique = new java.util.ArrayList<>(2);
      List<KeyValue> keys = new java.util.ArrayList<>(2);
      boolean shortPath = document.get("_id") instanceof String;
      for (Index<Object> i : getIndexes()) {
        if (i instanceof ValueOrderedIndex v) {
          KeyValue key = v.stringKey(document);
          shortPath &= key != null;
          unique.add(v);
          keys.add(key);
        } else {
          shortPath &= i instanceof EmptyIndex;
        }
      }
      if (!shortPath) {
        super.addDocument(document);
        return;
      }
      SHORT_INSERTS.increment();
      String id = (String) document.get("_id");
      for (int i = 0; i < unique.size(); i++) {
        ValueOrderedIndex index = unique.get(i);
        if (!index.putKeyPosition(keys.get(i), id)) {
          for (int j = 0; j < i; j++) {
            unique.get(j).removeDocument(keys.get(j));
          }
          throw new DuplicateKeyError(index, this, index.getKeys(), keys.get(i));
        }
      }
      addDocumentInternal(document);
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


    private <T> T reading(java.util.function.Supplier<T> scan) {
      MVStore.TxCounter version = store.registerVersionUsage();
      try {
        return scan.get();
      } finally {
        store.deregisterVersionUsage(version);
      }
    }
  }

  /** A unique index of the H2 store whose keys are ordered by value (as its documents' ids are). */
  private static final class ValueOrderedIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<KeyValue, Object> map;

    /** The one field this index is on, when it is not a path into subdocuments (_id, code); else null. */
    private final String plainKey;

    ValueOrderedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
      this.plainKey = keys.size() == 1 && !keys.get(0).getKey().contains(".") ? keys.get(0).getKey() : null;
    }

    /**
     * The key of a document whose indexed field is a string, without the library's general path (which splits the
     * field name with a regular expression and streams over the values, several times for every document written):
     * a quarter of the wire server's time under intake. Any other case (numbers, missing fields, arrays, compound
     * or dotted keys) takes the library's path, whose normalisation leaves a string as it is.
     */
    @Override
    public Set<KeyValue> getKeyValues(Document document) {
      KeyValue key = stringKey(document);
      return key != null ? Set.of(key) : super.getKeyValues(document);
    }

    /** The document's key when it is a string in this index's plain field, else null. */
    KeyValue stringKey(Document document) {
      return plainKey != null && document.get(plainKey) instanceof String value ? new KeyValue(value) : null;
    }

    /**
     * Adds a document's key in one look-up. The backend looks the key up twice more (its collection has just checked
     * it, under the collection's lock) before putting it: three descents of the tree for every insert.
     */
    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
      KeyValue key = stringKey(document);
      if (key != null) {
        if (!putKeyPosition(key, position)) {
          throw new DuplicateKeyError(this, collection, getKeys(), key);
        }
        return;
      }
      super.add(document, position, collection);
    }

    @Override
    protected boolean nullAwareEqualsKeys(Document oldDocument, Document newDocument) {
      if (plainKey != null && oldDocument.get(plainKey) instanceof String before
          && newDocument.get(plainKey) instanceof String after) {
        return before.equals(after);
      }
      return super.nullAwareEqualsKeys(oldDocument, newDocument);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
      return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
      return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
      return map.get(key);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }

  /**
   * Index keys compared by their values in MongoDB's order, element by element. H2's own order for an object it does
   * not know is that of its serialised bytes, which costs a serialisation of both sides on every comparison. Keys are
   * written as UTF-8 (one string: every id) or BSON, not by Java serialisation.
   */
  static final class ValueOrder extends ObjectDataType {
    private static final ValueComparator VALUES = ValueComparator.asc();
    /** Free ObjectDataType tags: a key of one string (its UTF-8 bytes follow), any other key (a BSON document). */
    private static final byte STRING_KEY = 124;
    private static final byte BSON_KEY = 125;

    @Override
    public int getMemory(Object obj) {
      if (obj instanceof KeyValue k) {
        int bytes = 48;
        for (Object v : k) {
          bytes += v instanceof String x ? 40 + 2 * x.length() : 32;
        }
        return bytes;
      }
      return super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
      if (obj instanceof KeyValue k && k.size() == 1 && k.get(0) instanceof String id) {
        BsonValues.putTagged(buff, STRING_KEY, id.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (obj instanceof KeyValue k) {
        Document values = new Document();
        for (int i = 0; i < k.size(); i++) {
          values.put(String.valueOf(i), k.get(i));
        }
        byte[] bytes = BsonValues.bson(values);
        if (bytes != null) {
          BsonValues.putTagged(buff, BSON_KEY, bytes);
          return;
        }
      }
      super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
      byte[] id = BsonValues.tagged(buff, STRING_KEY);
      if (id != null) {
        return new KeyValue(new String(id, StandardCharsets.UTF_8));
      }
      byte[] bytes = BsonValues.tagged(buff, BSON_KEY);
      return bytes == null ? super.read(buff) : new KeyValue(BsonValues.document(bytes).values());
    }

    @Override
    public int compare(Object a, Object b) {
      if (a instanceof KeyValue x && b instanceof KeyValue y) {
        if (x.size() == 1 && y.size() == 1 && x.get(0) instanceof String p && y.get(0) instanceof String q) {
          return p.compareTo(q); // ids: what ValueComparator does for two strings, without finding their types
        }
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          int c = VALUES.compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.size(), y.size());
      }
      return super.compare(a, b);
    }
  }

  /**
   * A collection's documents as the store writes them: BSON, the format they arrived in. The backend writes them with
   * Java serialisation, several times slower and larger, and every commit rewrites whole pages of documents. A
   * document written that way (a store from before, or a value BSON cannot carry) is still read, by the backend's
   * own type.
   */
  static final class BsonValues extends ObjectDataType {
    /** A tag ObjectDataType gives no type (it uses 0–19, 32–49 and 64–119; index keys use 124 and 125). */
    private static final byte BSON = 126;
    /**
     * A document in memory takes a few times its BSON size (a map of boxed values), and once written its BSON is kept
     * beside it ({@link Stored}).
     */
    private static final int IN_MEMORY = 4;

    /**
     * The running average BSON size of this map's documents. H2 splits a page at 16 KB and sizes its cache by the
     * estimate; the backend's type guesses 10 KB for any object it has not serialised itself, which made every page
     * hold one or two documents and let the cache keep a fifth of what fits.
     */
    private volatile int average = 1024;

    @Override
    public int getMemory(Object obj) {
      return obj instanceof Stored ? IN_MEMORY * average : super.getMemory(obj);
    }

    private void sized(int bytes) {
      average = (bytes + 15 * average) / 16;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
      Stored stored = (Stored) obj;
      byte[] bytes = stored.bson();
      if (bytes == null) {
        super.write(buff, stored.document);
        return;
      }
      sized(bytes.length);
      putTagged(buff, BSON, bytes);
    }

    static void putTagged(WriteBuffer buff, byte tag, byte[] bytes) {
      buff.put(tag).putVarInt(bytes.length).put(bytes);
    }

    /** The document as BSON; null for a value BSON cannot carry (the caller then serialises it H2's way). */
    static byte[] bson(Document d) {
      ByteBuf bytes = Unpooled.buffer(512);
      try {
        BsonEncoder.encodeDocument(d, bytes);
        byte[] out = new byte[bytes.readableBytes()];
        bytes.readBytes(out);
        return out;
      } catch (RuntimeException notBson) {
        return null;
      } finally {
        bytes.release();
      }
    }

    @Override
    public Object read(ByteBuffer buff) {
      byte[] bytes = tagged(buff, BSON);
      if (bytes == null) {
        return new Stored((Document) super.read(buff)); // written by the plain backend, or not BSON
      }
      sized(bytes.length);
      // its bytes are not kept: a page only read (a scan of a million lots) would hold them twice
      return new Stored(document(bytes));
    }

    /** The bytes of the next value if it carries {@code tag} (then read past it); null if it does not. */
    static byte[] tagged(ByteBuffer buff, byte tag) {
      if (buff.get(buff.position()) != tag) {
        return null;
      }
      buff.get();
      byte[] bytes = new byte[DataUtils.readVarInt(buff)];
      buff.get(bytes);
      return bytes;
    }

    static Document document(byte[] bson) {
      return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
  }

  /**
   * A document as the H2 store holds it, with its BSON once a commit has written it. A commit writes every page that
   * changed whole, so one update re-encodes the ten or so documents around it; unchanged, they are written from these
   * bytes (encoding documents that had not changed took a quarter of the server's time under intake). A document is
   * changed only in place followed by a put, which holds it as a new {@code Stored}: bytes encoded from the one it
   * replaces, even while the change was under way, belong to versions of the store before the put. Until 2026-11-29
   * the bytes were kept in a map by the document's identity: the map's upkeep (a weak reference per document, resized
   * as it grew) cost a quarter of the server's time under intake.
   */
  static final class Stored {
    static final java.util.concurrent.atomic.LongAdder ENCODINGS = new java.util.concurrent.atomic.LongAdder();

    final Document document;
    private volatile byte[] bson;

    Stored(Document document) {
      this.document = document;
    }

    /** The document's BSON, encoded now unless known; null when BSON cannot carry it. */
    byte[] bson() {
      byte[] known = bson;
      if (known == null) {
        ENCODINGS.increment();
        known = BsonValues.bson(document);
        bson = known;
      }
      return known;
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
