package org.mu1000.platform.impact.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rollup as the figures see it: named values (exact decimals as {@link java.math.BigDecimal}, counts as Integer,
 * versions as Long, flags, texts) and nested rollups, in the order they were written. The store keeps it as it is.
 */
public final class Rollup extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  public Rollup() {}

  /** A shallow copy: nested rollups are shared until {@link RollupTable#incremented} copies the ones it changes. */
  public Rollup(Map<String, ?> values) {
    super(values);
  }

  public Rollup append(String key, Object value) {
    put(key, value);
    return this;
  }

  public String getString(String key) {
    return (String) get(key);
  }

  public int getInteger(String key, int absent) {
    Object v = get(key);
    return v == null ? absent : ((Number) v).intValue();
  }

  public Integer getInteger(String key) {
    Object v = get(key);
    return v == null ? null : ((Number) v).intValue();
  }

  public boolean getBoolean(String key, boolean absent) {
    Object v = get(key);
    return v == null ? absent : (Boolean) v;
  }

  /** The nested rollup under {@code key}, or null. */
  public Rollup sub(String key) {
    return (Rollup) get(key);
  }

  /** The nested rollup under {@code key}, or an empty one (not stored). */
  public Rollup subOrEmpty(String key) {
    Rollup r = sub(key);
    return r == null ? new Rollup() : r;
  }

  /** The value at a path of keys, null where any part is missing. */
  public Object at(List<String> path) {
    Object at = this;
    for (String k : path) {
      if (!(at instanceof Map<?, ?> m)) {
        return null;
      }
      at = m.get(k);
    }
    return at;
  }
}
