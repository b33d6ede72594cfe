package org.mu1000.ui.components;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG bar charts: no JavaScript chart library (Vaadin Charts is commercial), readable without
 * colour (every bar carries its value), and an optional target line.
 */
public final class Charts {
  static final int W = 640;
  static final int H = 280;
  static final int LEFT = 56;
  static final int BOTTOM = 48;
  static final int TOP = 44;

  private Charts() {}

  /** Vertical bars with labels under them, the value above each, and a dashed target line when given. */
  public static String bars(String title, List<String> labels, List<BigDecimal> values, BigDecimal target,
      String targetLabel) {
    double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
    if (target != null) {
      max = Math.max(max, target.doubleValue());
    }
    max = nice(max);
    int n = Math.max(1, values.size());
    double plotW = W - LEFT - 16;
    double plotH = H - TOP - BOTTOM;
    double slot = plotW / n;
    double bw = Math.max(4, slot * 0.62);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" width=\"100%\" style=\"max-width:").append(W).append("px\" role=\"img\" aria-label=\"")
        .append(esc(title)).append("\" font-family=\"sans-serif\" font-size=\"11\">");
    s.append("<title>").append(esc(title)).append("</title>");
    s.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
        .append(esc(title)).append("</text>");
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = TOP + plotH - plotH * i / 4;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>",
          LEFT, W - 16, y, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>",
          LEFT - 6, y + 4, fmt(v)));
    }
    for (int i = 0; i < values.size(); i++) {
      double v = values.get(i).doubleValue();
      double h = max == 0 ? 0 : plotH * v / max;
      double x = LEFT + slot * i + (slot - bw) / 2;
      double y = TOP + plotH - h;
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2e7d32\"><title>%s: %s</title></rect>",
          x, y, bw, h, esc(labels.get(i)), fmt(v)));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
          x + bw / 2, y - 4, fmt(v)));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>",
          x + bw / 2, H - BOTTOM + 16, esc(labels.get(i))));
    }
    if (target != null && max > 0) {
      double y = TOP + plotH - plotH * target.doubleValue() / max;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" "
          + "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>", LEFT, W - 16, y, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#c62828\">%s</text>",
          W - 18, y - 4, esc(targetLabel)));
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>",
        LEFT, W - 16, TOP + plotH, TOP + plotH));
    if (values.isEmpty()) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">–</text>",
          W / 2, H / 2));
    }
    return s.append("</svg>").toString();
  }

  /** A round upper bound for an axis: 1, 2 or 5 × 10^n. */
  static double nice(double max) {
    if (max <= 0) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= max) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String fmt(double v) {
    if (Math.abs(v - Math.rint(v)) < 1e-9) {
      return String.format(Locale.ROOT, "%,d", (long) Math.rint(v));
    }
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
