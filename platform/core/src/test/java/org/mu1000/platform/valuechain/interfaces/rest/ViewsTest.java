package org.mu1000.platform.valuechain.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.RecordFields;
import org.mu1000.platform.shared.RecordSamples;
import org.mu1000.platform.shared.rest.JacksonConfig;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.Shipment;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.Warehouse;

/** The views' maps of records are what Jackson made of them: the same JSON, the same Java values. */
class ViewsTest {
  @Test
  void mapsAreWhatJacksonMakes() throws Exception {
    for (Class<?> type : List.of(Lot.class, Delivery.class, PurchaseOrder.class, ProductionPlan.class,
        Shipment.class, Transformation.class, Warehouse.class, GradingStandard.class)) {
      for (Object sample : RecordSamples.of(type)) {
        assertNotNull(RecordFields.of(sample, false), type.getSimpleName() + " is converted without Jackson");
        Object jackson = Views.LENIENT.convertValue(sample, LinkedHashMap.class);
        Object ours = Views.map(sample);
        assertEquals(jackson, ours, type.getSimpleName());
        assertEquals(JacksonConfig.MAPPER.writeValueAsString(jackson), JacksonConfig.MAPPER.writeValueAsString(ours),
            type.getSimpleName());
      }
    }
  }
}
