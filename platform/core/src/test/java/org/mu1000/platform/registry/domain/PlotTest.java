package org.mu1000.platform.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;

class PlotTest {
  private static final Map<String, Object> POINT = Map.of("type", "Point", "coordinates", List.of(29.79, -1.64));

  private static String refusedField(Map<String, Object> geometry, String declared) {
    DomainException e = assertThrows(DomainException.class, () -> Plot.measured("p", "f", null, "coffee", null,
        geometry, declared == null ? null : new BigDecimal(declared), 0));
    return e.violations().get(0).field();
  }

  @Test
  void implausibleAndUnstorableAreasAreRefused() {
    assertEquals("declaredAreaM2", refusedField(POINT, "1e308"));
    assertEquals("declaredAreaM2", refusedField(POINT, "10000000.01"));
    double side = 0.05; // about 5.5 km: 3,000 ha
    Map<String, Object> big = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(29.0, -1.0),
        List.of(29.0 + side, -1.0), List.of(29.0 + side, -1.0 + side), List.of(29.0, -1.0 + side),
        List.of(29.0, -1.0))));
    assertEquals("geometry", refusedField(big, null));
    assertEquals(new BigDecimal("10000000.00"),
        Plot.measured("p", "f", null, "coffee", null, POINT, new BigDecimal("10000000"), 0).areaM2());
  }

  @Test
  void onlyGeoJsonMembersAreKept() {
    Map<String, Object> g = new HashMap<>(POINT);
    g.put("$set", Map.of("a", 1));
    g.put("x.y", "z");
    Plot p = Plot.measured("p", "f", null, "coffee", null, g, new BigDecimal("5000"), 0);
    assertEquals(List.of("type", "coordinates"), List.copyOf(p.geometry().keySet()));
  }

  @Test
  void aTenantSetsItsOwnLargestPlot() {
    BigDecimal fiftyHa = new BigDecimal("500000");
    DomainException e = assertThrows(DomainException.class, () -> Plot.measured("p", "f", null, "coffee", null,
        POINT, new BigDecimal("600000"), 0, fiftyHa));
    assertEquals("declaredAreaM2", e.violations().get(0).field());
    org.junit.jupiter.api.Assertions.assertTrue(e.violations().get(0).message().contains("50 ha"),
        e.violations().get(0).message());
    assertEquals(new BigDecimal("20000000.00"), Plot.measured("p", "f", null, "coffee", null, POINT,
        new BigDecimal("20000000"), 0, new BigDecimal("30000000")).areaM2(), "a ranch programme may allow more");
  }
}
