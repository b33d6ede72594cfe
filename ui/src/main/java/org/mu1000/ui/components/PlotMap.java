package org.mu1000.ui.components;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.registry.domain.Plot;

/**
 * Draws plots as an SVG map, server-side: an equirectangular projection around the plots' centre (exact enough at
 * field scale), polygons labelled by crop, a point for plots known only by GPS, and a scale bar in metres.
 */
public final class PlotMap {
  static final int W = 640;
  static final int H = 420;
  static final int PAD = 30;
  private static final double M_PER_DEG = 111_320.0;

  private PlotMap() {}

  public static String dataUrl(List<Plot> plots) {
    return svgDataUrl(svg(plots));
  }

  /** Any SVG as an image URL (the map, QR codes). */
  public static String svgDataUrl(String svg) {
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  public static String svg(List<Plot> plots) {
    List<List<double[]>> rings = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Plot p : plots) {
      for (List<double[]> r : rings(p.geometry())) {
        rings.add(r);
        labels.add(p.crop() + " · " + p.areaM2().setScale(0, RoundingMode.HALF_EVEN) + " m²");
      }
    }
    StringBuilder s = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + W + "' height='" + H
        + "' viewBox='0 0 " + W + " " + H + "' font-family='sans-serif' font-size='12'>"
        + "<rect width='100%' height='100%' fill='#f4f1e8'/>");
    if (rings.isEmpty()) {
      return s.append("<text x='20' y='40'>no plots</text></svg>").toString();
    }
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (List<double[]> r : rings) {
      for (double[] p : r) {
        minX = Math.min(minX, p[0]);
        maxX = Math.max(maxX, p[0]);
        minY = Math.min(minY, p[1]);
        maxY = Math.max(maxY, p[1]);
      }
    }
    double cos = Math.cos(Math.toRadians((minY + maxY) / 2));
    double widthM = Math.max((maxX - minX) * M_PER_DEG * cos, 20);
    double heightM = Math.max((maxY - minY) * M_PER_DEG, 20);
    double scale = Math.min((W - 2 * PAD) / widthM, (H - 2 * PAD - 30) / heightM);
    double fMinX = minX;
    double fMaxY = maxY;
    String[] colours = {"#4a7c2a", "#a0522d", "#2f6690", "#b8860b", "#6b3fa0"};
    for (int i = 0; i < rings.size(); i++) {
      List<double[]> r = rings.get(i);
      StringBuilder pts = new StringBuilder();
      double cx = 0;
      double cy = 0;
      for (double[] p : r) {
        double x = PAD + (p[0] - fMinX) * M_PER_DEG * cos * scale;
        double y = PAD + (fMaxY - p[1]) * M_PER_DEG * scale;
        pts.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        cx += x;
        cy += y;
      }
      cx /= r.size();
      cy /= r.size();
      String colour = colours[i % colours.length];
      if (r.size() == 1) {
        s.append(String.format(java.util.Locale.ROOT, "<circle cx='%.1f' cy='%.1f' r='6' fill='%s'/>", cx, cy, colour));
      } else {
        s.append("<polygon points='").append(pts).append("' fill='").append(colour)
            .append("' fill-opacity='0.45' stroke='").append(colour).append("' stroke-width='2'/>");
      }
      s.append(String.format(java.util.Locale.ROOT, "<text x='%.1f' y='%.1f' text-anchor='middle'>%s</text>", cx, cy,
          escape(labels.get(i))));
    }
    double barM = niceLength(widthM / 4);
    double barPx = barM * scale;
    int y = H - 18;
    s.append(String.format(java.util.Locale.ROOT,
        "<line x1='%d' y1='%d' x2='%.1f' y2='%d' stroke='black' stroke-width='3'/>"
            + "<text x='%d' y='%d'>%s m</text>", PAD, y, PAD + barPx, y, PAD, y - 6,
        BigDecimal.valueOf(barM).stripTrailingZeros().toPlainString()));
    s.append("<text x='").append(W - PAD).append("' y='").append(PAD - 10)
        .append("' text-anchor='end'>N ↑</text>");
    return s.append("</svg>").toString();
  }

  static double niceLength(double m) {
    double p = Math.pow(10, Math.floor(Math.log10(m)));
    for (double f : new double[] {5, 2, 1}) {
      if (f * p <= m) {
        return f * p;
      }
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  static List<List<double[]>> rings(Map<String, Object> g) {
    List<List<double[]>> out = new ArrayList<>();
    Object type = g.get("type");
    Object coords = g.get("coordinates");
    if ("Point".equals(type)) {
      out.add(List.of(xy((List<Object>) coords)));
    } else if ("Polygon".equals(type)) {
      out.add(ring(((List<List<Object>>) coords).get(0)));
    } else if ("MultiPolygon".equals(type)) {
      for (List<List<Object>> poly : (List<List<List<Object>>>) coords) {
        out.add(ring(poly.get(0)));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<double[]> ring(List<Object> r) {
    List<double[]> out = new ArrayList<>();
    for (Object p : r) {
      out.add(xy((List<Object>) p));
    }
    return out;
  }

  private static double[] xy(List<Object> p) {
    return new double[] {((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()};
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
  }

  /** A place on the cooperatives' map: its name, where it is, and the figure written beside it. */
  public record Marker(String label, double lat, double lon, String value) {}

  /** The cooperatives of a programme as points on an SVG map (same projection as the plots'), each labelled. */
  public static String cooperatives(String title, List<Marker> markers) {
    StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + W + " " + H
        + "\" width=\"100%\" style=\"max-width:" + W + "px\" role=\"img\" aria-label=\"" + escape(title)
        + "\" font-family=\"sans-serif\" font-size=\"11\"><title>" + escape(title) + "</title>");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#f4f7f2\"/>");
    s.append("<text x=\"12\" y=\"18\" font-size=\"13\" font-weight=\"bold\">").append(escape(title)).append("</text>");
    if (!markers.isEmpty()) {
      double minLat = markers.stream().mapToDouble(Marker::lat).min().orElse(0);
      double maxLat = markers.stream().mapToDouble(Marker::lat).max().orElse(0);
      double minLon = markers.stream().mapToDouble(Marker::lon).min().orElse(0);
      double maxLon = markers.stream().mapToDouble(Marker::lon).max().orElse(0);
      double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
      double spanX = Math.max((maxLon - minLon) * cos, 0.05);
      double spanY = Math.max(maxLat - minLat, 0.05);
      double scale = Math.min((W - 2 * PAD - 160) / spanX, (H - 2 * PAD - 20) / spanY);
      for (Marker m : markers) {
        double x = PAD + 40 + ((m.lon() - minLon) * cos) * scale;
        double y = H - PAD - (m.lat() - minLat) * scale;
        s.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#2e7d32\"/>",
            x, y));
        s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", x + 9, y - 2,
            escape(m.label())));
        s.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">%s</text>",
            x + 9, y + 11, escape(m.value())));
      }
    }
    return s.append("</svg>").toString();
  }
}
