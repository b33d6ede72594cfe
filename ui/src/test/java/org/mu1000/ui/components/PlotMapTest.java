package org.mu1000.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.registry.domain.Plot;

class PlotMapTest {
  static Plot square(String id, double lon, double lat, double side) {
    double dLat = side / 111_320.0;
    double dLon = side / (111_320.0 * Math.cos(Math.toRadians(lat)));
    Map<String, Object> g = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat),
        List.of(lon + dLon, lat), List.of(lon + dLon, lat + dLat), List.of(lon, lat + dLat), List.of(lon, lat))));
    return Plot.measured(id, "f", null, "coffee", 2015, g, null, 0);
  }

  @Test
  void drawsEachPlotWithItsLabelAndAScaleBarThatMatchesTheDrawing() {
    Plot a = square("a", 29.79, -1.64, 100);
    Plot b = square("b", 29.7915, -1.64, 50);
    String svg = PlotMap.svg(List.of(a, b));
    assertEquals(2, svg.split("<polygon").length - 1);
    for (Plot p : List.of(a, b)) {
      String label = "coffee · " + p.areaM2().setScale(0, java.math.RoundingMode.HALF_EVEN) + " m²";
      assertTrue(svg.contains(label), label + " in " + svg);
    }
    // the 100 m square's width in pixels must equal 100 m at the scale bar's pixels per metre
    Matcher bar = Pattern.compile("<line x1='(\\d+)' y1='\\d+' x2='([\\d.]+)'.*?<text[^>]*>([\\d.]+) m</text>")
        .matcher(svg);
    assertTrue(bar.find(), svg);
    double pxPerM = (Double.parseDouble(bar.group(2)) - Double.parseDouble(bar.group(1)))
        / Double.parseDouble(bar.group(3));
    Matcher poly = Pattern.compile("<polygon points='([\\d.]+),[\\d.]+ ([\\d.]+),").matcher(svg);
    assertTrue(poly.find());
    double widthPx = Double.parseDouble(poly.group(2)) - Double.parseDouble(poly.group(1));
    assertEquals(100 * pxPerM, widthPx, 1.5);
  }

  @Test
  void aPointPlotIsADotAndNoPlotsSaySo() {
    Plot p = Plot.measured("p", "f", null, "sesame", null,
        Map.of("type", "Point", "coordinates", List.of(36.6, 14.29)), new BigDecimal("5000"), 0);
    assertTrue(PlotMap.svg(List.of(p)).contains("<circle"));
    assertTrue(PlotMap.svg(List.of()).contains("no plots"));
    assertTrue(PlotMap.dataUrl(List.of()).startsWith("data:image/svg+xml;base64,"));
  }

  @Test
  void scaleBarLengthsAreRoundNumbers() {
    assertEquals(20, PlotMap.niceLength(37), 0);
    assertEquals(50, PlotMap.niceLength(61), 0);
    assertEquals(100, PlotMap.niceLength(180), 0);
  }
}
