package org.mu1000.platform.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances of a record type for tests, made from its canonical constructor: every field set (with a different value
 * each), or every field that may be null left null, for nested records, lists and maps too.
 */
public final class RecordSamples {
  private RecordSamples() {}

  public static List<Object> of(Class<?> type) {
    return List.of(make(type, false, new int[] {0}), record(type, true, new int[] {100}));
  }

  private static Object make(Type type, boolean nulls, int[] n) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    n[0]++;
    if (raw == int.class || raw == Integer.class) {
      return n[0];
    }
    if (raw == long.class || raw == Long.class) {
      return (long) n[0] * 1000;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return n[0] % 2 == 0;
    }
    if (raw == double.class || raw == Double.class) {
      return n[0] + 0.25;
    }
    if (nulls && !raw.isPrimitive() && raw != List.class && raw != Map.class && raw != Set.class) {
      return null;
    }
    if (raw == String.class) {
      return "s" + n[0];
    }
    if (raw == BigDecimal.class) {
      return new BigDecimal(n[0] + ".50");
    }
    if (raw == LocalDate.class) {
      return LocalDate.of(2026, 1, 1).plusDays(n[0]);
    }
    if (raw == Instant.class) {
      return Instant.parse("2026-05-10T08:00:00.123456Z").plusSeconds(n[0]);
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[n[0] % constants.length];
    }
    if (raw == List.class || raw == Set.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      out.add(make(element, false, n));
      out.add(make(element, false, n));
      return raw == Set.class ? new java.util.LinkedHashSet<>(out) : out;
    }
    if (raw == Map.class) {
      Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("k" + n[0], make(value, false, n));
      out.put("j" + n[0], make(value, false, n));
      return out;
    }
    if (raw.isRecord()) {
      return record(raw, nulls, n);
    }
    throw new IllegalArgumentException("no sample of " + type);
  }

  private static Object record(Class<?> raw, boolean nulls, int[] n) {
    {
      RecordComponent[] rc = raw.getRecordComponents();
      Class<?>[] types = new Class<?>[rc.length];
      Object[] args = new Object[rc.length];
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        args[i] = make(rc[i].getGenericType(), nulls, n);
      }
      try {
        Constructor<?> c = raw.getDeclaredConstructor(types);
        c.setAccessible(true);
        return c.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a " + raw.getSimpleName(), e);
      }
    }
  }
}
