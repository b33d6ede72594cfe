package org.mu1000.platform.shared.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.RecordSamples;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * Records stored through the driver's codecs: every stored kind reads back equal, the layout is the documented one
 * (checked against what Jackson makes of the record, decimals as Decimal128), and the bookkeeping fields a stored
 * document has beside the record's are skipped on reading.
 */
class CodecsTest {
  static final List<Class<?>> RECORDS = List.of(Lot.class, Delivery.class, PurchaseOrder.class, ProductionPlan.class,
      Shipment.class, Transformation.class, Warehouse.class, GradingStandard.class);
  static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void everyStoredRecordReadsBackEqual() {
    for (Class<?> type : RECORDS) {
      for (Object sample : RecordSamples.of(type)) {
        BsonDocument stored = Codecs.document("x1", sample);
        assertEquals(sample, Codecs.record(stored, type), type.getSimpleName());
        BsonDocument withBookkeeping = stored.clone().append("deleted", BsonBoolean.FALSE)
            .append("deletedAt", new BsonString("2026-01-01T00:00:00Z"));
        assertEquals(sample, Codecs.record(withBookkeeping, type), type.getSimpleName() + " skips bookkeeping");
        assertEquals(sample, Codecs.record(Document.parse(stored.toJson()), type), type.getSimpleName()
            + " read from a plain document");
      }
    }
  }

  @Test
  void theLayoutIsFieldsByNameWithIsoDaysAndExactDecimals() {
    for (Class<?> type : RECORDS) {
      for (Object sample : RecordSamples.of(type)) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JACKSON.convertValue(sample, LinkedHashMap.class);
        Document expected = new Document("_id", "x1");
        fields.forEach((k, v) -> {
          if (v != null) {
            expected.put(k, bson(v));
          }
        });
        BsonDocument stored = Codecs.document("x1", sample);
        assertEquals(expected.toBsonDocument(BsonDocument.class, Codecs.REGISTRY), withoutNulls(stored),
            type.getSimpleName());
      }
    }
  }

  @Test
  void aVersionIsALongAndAnIdComesFirst() {
    Lot lot = (Lot) RecordSamples.of(Lot.class).get(0);
    BsonDocument stored = Codecs.document("lt1", lot);
    assertEquals("_id", stored.getFirstKey());
    assertEquals(new BsonInt64(lot.version()), stored.get("version"));
  }

  private static Object bson(Object v) {
    if (v instanceof BigDecimal b) {
      return new Decimal128(b);
    }
    if (v instanceof Double d) {
      return new Decimal128(new BigDecimal(d.toString()));
    }
    if (v instanceof Map<?, ?> m) {
      Document d = new Document();
      m.forEach((k, x) -> {
        if (x != null) {
          d.put(String.valueOf(k), bson(x));
        }
      });
      return d;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(bson(x)));
      return out;
    }
    return v;
  }

  private static BsonDocument withoutNulls(BsonDocument d) {
    BsonDocument out = new BsonDocument();
    d.forEach((k, v) -> {
      if (!v.isNull()) {
        out.put(k, v.isDocument() ? withoutNulls(v.asDocument()) : v);
      }
    });
    return out;
  }
}
