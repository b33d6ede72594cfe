package org.mu1000.localmongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Index keys compared by their values in MongoDB's order, element by element. H2's own order for an object it does
 * not know is that of its serialised bytes, which costs a serialisation of both sides on every comparison. Keys are
 * written as UTF-8 (one string: every id) or BSON, not by Java serialisation.
 */
final class ValueOrder extends ObjectDataType {
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
