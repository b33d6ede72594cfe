package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.Comparator;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The collection's documents are held as {@link Stored}: the library's collection reads and writes them as plain
 * documents through its own field, so every method of it that touches the map is answered here.
 */
final class H2Coll extends H2Collection {
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
    Iterable<Object> one = EmbeddedBackends.positions(getIndexes(), query);
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
