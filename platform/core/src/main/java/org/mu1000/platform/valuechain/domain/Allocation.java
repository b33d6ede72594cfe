package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a quantity over weights so that the parts add up to the total exactly (largest remainder method, in
 * units of {@code 10^-scale}): no kilogram of an order is lost or invented by rounding.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * Parts of {@code total} proportional to {@code weights}, in the weights' iteration order. Zero weights get zero;
   * when every weight is zero the total is split evenly.
   */
  public static <K> Map<K, BigDecimal> proportional(BigDecimal total, Map<K, BigDecimal> weights, int scale) {
    if (total.signum() < 0) {
      throw new IllegalArgumentException("negative total");
    }
    Map<K, BigDecimal> out = new LinkedHashMap<>();
    if (weights.isEmpty()) {
      return out;
    }
    BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<K, BigDecimal> w = weights;
    if (sum.signum() == 0) {
      w = new LinkedHashMap<>();
      for (K k : weights.keySet()) {
        w.put(k, BigDecimal.ONE);
      }
      sum = BigDecimal.valueOf(w.size());
    }
    BigDecimal units = total.movePointRight(scale).setScale(0, RoundingMode.DOWN);
    record Share(Object key, BigDecimal floor, BigDecimal remainder, int order) {}
    List<Share> shares = new ArrayList<>();
    BigDecimal given = BigDecimal.ZERO;
    int i = 0;
    for (Map.Entry<K, BigDecimal> e : w.entrySet()) {
      BigDecimal exact = units.multiply(e.getValue()).divide(sum, 20, RoundingMode.DOWN);
      BigDecimal floor = exact.setScale(0, RoundingMode.DOWN);
      shares.add(new Share(e.getKey(), floor, exact.subtract(floor), i++));
      given = given.add(floor);
    }
    int left = units.subtract(given).intValueExact();
    List<Share> byRemainder = new ArrayList<>(shares);
    byRemainder.sort(Comparator.comparing(Share::remainder).reversed().thenComparing(Share::order));
    Map<Object, BigDecimal> extra = new LinkedHashMap<>();
    for (int j = 0; j < left; j++) {
      extra.put(byRemainder.get(j % byRemainder.size()).key(), BigDecimal.ONE);
    }
    for (Share s : shares) {
      @SuppressWarnings("unchecked")
      K key = (K) s.key();
      BigDecimal u = s.floor().add(extra.getOrDefault(key, BigDecimal.ZERO));
      out.put(key, u.movePointLeft(scale).setScale(scale, RoundingMode.UNNECESSARY));
    }
    // the part below one unit of the scale (if the total had more decimals) goes to the first share
    BigDecimal rest = total.subtract(units.movePointLeft(scale));
    if (rest.signum() != 0) {
      K first = out.keySet().iterator().next();
      out.put(first, out.get(first).add(rest));
    }
    return out;
  }
}
