package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.json.StrictJsonWriter;
import org.bson.types.Decimal128;

/** Small conversions between BSON values and Java types used by every Mongo adapter. */
public final class Docs {
  private Docs() {}

  /** Inserts a document whose id must be new; false if a document with its id (or another unique key) exists. */
  public static <T> boolean insertNew(MongoCollection<T> coll, T document) {
    try {
      coll.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  public static Decimal128 dec(BigDecimal v) {
    return v == null ? null : new Decimal128(v);
  }

  public static BigDecimal dec(Document d, String key) {
    Object v = d.get(key);
    if (v instanceof Decimal128 x) {
      return x.bigDecimalValue();
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    return null;
  }

  public static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  public static Instant instant(Document d, String key) {
    Date v = d.getDate(key);
    return v == null ? null : v.toInstant();
  }

  public static String day(LocalDate d) {
    return d == null ? null : d.toString();
  }

  public static LocalDate day(Document d, String key) {
    String v = d.getString(key);
    return v == null ? null : LocalDate.parse(v);
  }

  public static List<String> strings(Document d, String key) {
    List<?> raw = d.get(key, List.class);
    List<String> out = new ArrayList<>();
    if (raw != null) {
      raw.forEach(o -> out.add(String.valueOf(o)));
    }
    return out;
  }

  public static Integer integer(Document d, String key) {
    Object v = d.get(key);
    return v instanceof Number n ? n.intValue() : null;
  }

  public static long version(Document d) {
    Object v = d.get("version");
    return v instanceof Number n ? n.longValue() : 0L;
  }

  /** A record (stored field by field, with its id), a map or a document as a document; null for null. */
  public static Document of(String id, Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Document d) {
      return new Document(d);
    }
    if (o instanceof Map<?, ?> m) {
      Document d = new Document();
      m.forEach((k, v) -> d.put(String.valueOf(k), v));
      return d;
    }
    return new Document(Codecs.document(id, o));
  }

  /** A document as plain Java values: decimals and instants as strings, sub-documents as maps. */
  public static Map<String, Object> plain(Document d) {
    return d == null ? null : Document.parse(d.toJson(PLAIN));
  }

  private static final JsonWriterSettings PLAIN = JsonWriterSettings.builder()
      .outputMode(JsonMode.RELAXED)
      .dateTimeConverter((Long v, StrictJsonWriter w) -> w.writeString(new Date(v).toInstant().toString()))
      .decimal128Converter((v, w) -> w.writeString(v.bigDecimalValue().toPlainString()))
      .build();
}
