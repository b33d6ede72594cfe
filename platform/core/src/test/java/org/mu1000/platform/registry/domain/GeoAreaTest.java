package org.mu1000.platform.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;

class GeoAreaTest {
  static Map<String, Object> polygon(List<List<Double>>... rings) {
    return Map.of("type", "Polygon", "coordinates", List.of(rings));
  }

  static List<List<Double>> ring(double... lonLat) {
    List<List<Double>> r = new java.util.ArrayList<>();
    for (int i = 0; i < lonLat.length; i += 2) {
      r.add(List.of(lonLat[i], lonLat[i + 1]));
    }
    return r;
  }

  @Test
  void oneDegreeCellAtTheEquatorMatchesTheSphericalFormula() {
    // exact area of a 1°×1° cell on a sphere: R² · Δλ · (sin φ2 − sin φ1)
    double r = GeoArea.AUTHALIC_RADIUS;
    double expected = r * r * Math.toRadians(1) * Math.sin(Math.toRadians(1));
    BigDecimal area = GeoArea.areaM2(polygon(ring(0, 0, 1, 0, 1, 1, 0, 1, 0, 0)), null);
    assertEquals(expected, area.doubleValue(), expected * 1e-9);
  }

  @Test
  void aHundredMetreSquareInKigaliIsAboutOneHectareWhicheverWayItIsWound() {
    double lat = -1.95;
    double dLat = 100 / 111_320.0;
    double dLon = 100 / (111_320.0 * Math.cos(Math.toRadians(lat)));
    var ccw = ring(30.06, lat, 30.06 + dLon, lat, 30.06 + dLon, lat + dLat, 30.06, lat + dLat, 30.06, lat);
    var cw = ring(30.06, lat, 30.06, lat + dLat, 30.06 + dLon, lat + dLat, 30.06 + dLon, lat, 30.06, lat);
    double a = GeoArea.areaM2(polygon(ccw), null).doubleValue();
    assertEquals(10_000, a, 60);
    assertEquals(a, GeoArea.areaM2(polygon(cw), null).doubleValue(), 0.01);
  }

  @Test
  void holesAreSubtractedAndMultiPolygonsAdded() {
    var outer = ring(0, 0, 0.01, 0, 0.01, 0.01, 0, 0.01, 0, 0);
    var hole = ring(0.002, 0.002, 0.004, 0.002, 0.004, 0.004, 0.002, 0.004, 0.002, 0.002);
    double full = GeoArea.areaM2(polygon(outer), null).doubleValue();
    double holed = GeoArea.areaM2(polygon(outer, hole), null).doubleValue();
    assertEquals(full * (1 - 0.04), holed, full * 1e-4);
    var beside = ring(0.01, 0, 0.02, 0, 0.02, 0.01, 0.01, 0.01, 0.01, 0);
    var multi = Map.<String, Object>of("type", "MultiPolygon", "coordinates", List.of(List.of(outer), List.of(beside)));
    assertEquals(2 * full, GeoArea.areaM2(multi, null).doubleValue(), full * 1e-4, "parts that touch are added");
  }

  @Test
  void partsOfAMultiPolygonThatOverlapAreRefusedNotCountedTwice() {
    var outer = ring(0, 0, 0.01, 0, 0.01, 0.01, 0, 0.01, 0, 0);
    var crossing = ring(0.005, 0.005, 0.015, 0.005, 0.015, 0.015, 0.005, 0.015, 0.005, 0.005);
    var inside = ring(0.002, 0.002, 0.004, 0.002, 0.004, 0.004, 0.002, 0.004, 0.002, 0.002);
    for (var second : List.of(outer, crossing, inside)) {
      assertField("geometry.coordinates[1]", Map.of("type", "MultiPolygon", "coordinates",
          List.of(List.of(outer), List.of(second))), "overlaps part 0");
    }
    assertField("geometry.coordinates[1]", Map.of("type", "MultiPolygon", "coordinates",
        List.of(List.of(inside), List.of(outer))), "overlaps part 0");
  }

  @Test
  void aPointUsesItsDeclaredArea() {
    var point = Map.<String, Object>of("type", "Point", "coordinates", List.of(29.7, -1.6));
    assertEquals(new BigDecimal("2400.00"), GeoArea.areaM2(point, new BigDecimal("2400")));
    var e = assertThrows(DomainException.class, () -> GeoArea.areaM2(point, null));
    assertEquals("declaredAreaM2", e.violations().get(0).field());
  }

  @Test
  void refusesShapesThatAreNotPlots() {
    assertField("geometry.coordinates[0]", polygon(ring(0, 0, 1, 1, 1, 0, 0, 1, 0, 0)), "intersects itself");
    assertField("geometry.coordinates[0]", polygon(ring(0, 0, 1, 0, 1, 1, 0, 1)), "not closed");
    assertField("geometry.coordinates[0]", polygon(ring(0, 0, 1, 0, 0, 0)), "at least 4");
    assertField("geometry.coordinates[0][1]", polygon(ring(0, 0, 200, 0, 1, 1, 0, 0)), "longitude");
    assertField("geometry.type", Map.of("type", "LineString", "coordinates", List.of()), "Polygon");
    assertField("geometry", Map.of(), "required");
    assertField("geometry.coordinates[0]", polygon(ring(0, 0, 1, 0, 1, 0, 1, 1, 0, 0)), "repeated");
  }

  private static void assertField(String field, Map<String, Object> geometry, String words) {
    var e = assertThrows(DomainException.class, () -> GeoArea.areaM2(geometry, null));
    assertEquals(field, e.violations().get(0).field(), e.violations().toString());
    assertTrue(e.violations().get(0).message().contains(words), e.violations().get(0).message());
  }
}
