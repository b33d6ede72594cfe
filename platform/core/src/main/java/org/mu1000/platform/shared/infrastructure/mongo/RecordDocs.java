package org.mu1000.platform.shared.infrastructure.mongo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mu1000.platform.shared.RecordFields;
import org.bson.types.Decimal128;

/**
 * Domain records as documents and back, field by field: amounts as Decimal128 (exact, scale kept), days and instants
 * as ISO strings, enums by name. The document's {@code _id} is the record's id.
 */
public final class RecordDocs {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private RecordDocs() {}

  @SuppressWarnings("unchecked")
  public static Document toDoc(String id, Object record) {
    Map<String, Object> m = RecordFields.of(record, true);
    if (m == null) {
      m = MAPPER.convertValue(record, LinkedHashMap.class);
    }
    Document d = new Document("_id", id);
    m.forEach((k, v) -> d.put(k, bson(v)));
    return d;
  }

  public static <T> T fromDoc(Document d, Class<T> type) {
    Map<String, Object> m = new LinkedHashMap<>();
    d.forEach((k, v) -> {
      if (!k.equals("_id") && !k.equals(VersionedCollection.DELETED) && !k.equals("deletedAt")) {
        m.put(k, plain(v));
      }
    });
    return MAPPER.convertValue(m, type);
  }

  static Object bson(Object v) {
    if (v instanceof BigDecimal b) {
      return new Decimal128(b);
    }
    if (v instanceof Map<?, ?> map) {
      Document d = new Document();
      map.forEach((k, x) -> d.put(String.valueOf(k), bson(x)));
      return d;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(bson(x)));
      return out;
    }
    return v;
  }

  private static Object plain(Object v) {
    if (v instanceof Decimal128 d) {
      return d.bigDecimalValue();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(plain(x)));
      return out;
    }
    if (v instanceof java.util.Date date) {
      return date.toInstant().toString();
    }
    return v;
  }
}
