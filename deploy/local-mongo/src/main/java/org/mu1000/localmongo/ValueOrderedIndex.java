package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;

/** A unique index of the H2 store whose keys are ordered by value (as its documents' ids are). */
final class ValueOrderedIndex extends AbstractUniqueIndex<Object> {
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
