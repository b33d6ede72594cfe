package org.mu1000.platform.shared.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.RecordFields;
import org.mu1000.platform.shared.RecordSamples;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.Warehouse;

/** Records become the same documents without Jackson as with it: fields, order, types. */
class RecordDocsTest {
  static final List<Class<?>> RECORDS = List.of(Lot.class, Delivery.class, PurchaseOrder.class, ProductionPlan.class,
      Shipment.class, Transformation.class, Warehouse.class, GradingStandard.class);

  @Test
  void documentsAreWhatJacksonMakes() {
    for (Class<?> type : RECORDS) {
      for (Object sample : RecordSamples.of(type)) {
        assertNotNull(RecordFields.of(sample, true), type.getSimpleName() + " is converted without Jackson");
        Document ours = RecordDocs.toDoc("x1", sample);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = RecordDocs.MAPPER.convertValue(sample, LinkedHashMap.class);
        Document jackson = new Document("_id", "x1");
        m.forEach((k, v) -> jackson.put(k, RecordDocs.bson(v)));
        assertEquals(jackson.toJson(), ours.toJson(), type.getSimpleName());
        assertEquals(jackson, ours, type.getSimpleName() + ": the same Java types too");
        assertEquals(sample, RecordDocs.fromDoc(ours, type), type.getSimpleName() + " reads back");
      }
    }
  }
}
