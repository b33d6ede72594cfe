package org.mu1000.platform.shared;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A record's fields as a map, exactly as our Jackson mappers convert it ({@code convertValue(record, Map.class)}):
 * components in order, days and instants as ISO strings, enums by name, nested records, lists and maps alike. Jackson
 * walks the record through its serialiser and then builds the map back from tokens; on an intake, converting the
 * lot, the delivery and the views that way was a tenth of the server's own work for it.
 *
 * <p>Only what this class knows for certain is converted here; anything else (a Jackson annotation, a getter beside
 * the components, a value of another type) makes {@link #of} answer null, and the caller uses Jackson.
 */
public final class RecordFields {
  private RecordFields() {}

  private record Component(String name, MethodHandle accessor) {}

  /** The components of each record class, or an empty list for one Jackson must convert. */
  private static final Map<Class<?>, List<Component>> COMPONENTS = new ConcurrentHashMap<>();

  private static final Set<Class<?>> PLAIN = Set.of(String.class, Integer.class, Long.class, Boolean.class,
      BigDecimal.class, Double.class);

  /** The fields of a record; with {@code nulls} false, null fields are left out (Jackson's NON_NULL). */
  public static Map<String, Object> of(Object record, boolean nulls) {
    if (record == null || !record.getClass().isRecord()) {
      return null;
    }
    try {
      Object out = value(record, nulls);
      @SuppressWarnings("unchecked")
      Map<String, Object> map = out == UNKNOWN ? null : (Map<String, Object>) out;
      return map;
    } catch (Throwable e) {
      return null; // an accessor that throws: Jackson says what it makes of it
    }
  }

  /** A value this class does not convert. */
  private static final Object UNKNOWN = new Object();

  private static Object value(Object v, boolean nulls) throws Throwable {
    if (v == null || PLAIN.contains(v.getClass())) {
      return v;
    }
    if (v instanceof LocalDate || v instanceof Instant) {
      return v.toString(); // ISO_LOCAL_DATE and ISO_INSTANT, as Jackson's java.time serialisers write them
    }
    if (v instanceof Enum<?> e) {
      return plainEnum(e.getDeclaringClass()) ? e.name() : UNKNOWN;
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> x : m.entrySet()) {
        if (!(x.getKey() instanceof String k)) {
          return UNKNOWN;
        }
        Object value = value(x.getValue(), nulls);
        if (value == UNKNOWN) {
          return UNKNOWN;
        }
        if (value == null && !nulls) {
          return UNKNOWN; // whether Jackson keeps it depends on settings not checked here
        }
        out.put(k, value);
      }
      return out;
    }
    if (v instanceof List<?> || v instanceof Set<?>) {
      List<Object> out = new ArrayList<>();
      for (Object x : (Collection<?>) v) {
        Object value = value(x, nulls);
        if (value == UNKNOWN) {
          return UNKNOWN;
        }
        out.add(value);
      }
      return out;
    }
    if (v.getClass().isRecord()) {
      List<Component> components = COMPONENTS.computeIfAbsent(v.getClass(), RecordFields::components);
      if (components.isEmpty()) {
        return UNKNOWN;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (Component c : components) {
        Object value = value(c.accessor().invoke(v), nulls);
        if (value == UNKNOWN) {
          return UNKNOWN;
        }
        if (value != null || nulls) {
          out.put(c.name(), value);
        }
      }
      return out;
    }
    return UNKNOWN;
  }

  /** A record's components; none when Jackson would see it otherwise (annotations, other getters). */
  private static List<Component> components(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers()) || jackson(type.getAnnotations())) {
      return List.of();
    }
    RecordComponent[] rc = type.getRecordComponents();
    Set<String> accessors = new java.util.HashSet<>();
    List<Component> out = new ArrayList<>();
    try {
      for (RecordComponent c : rc) {
        if (jackson(c.getAnnotations()) || jackson(c.getAccessor().getAnnotations())) {
          return List.of();
        }
        accessors.add(c.getAccessor().getName());
        out.add(new Component(c.getName(), MethodHandles.publicLookup().unreflect(c.getAccessor())));
      }
    } catch (IllegalAccessException e) {
      return List.of();
    }
    for (Method m : type.getMethods()) {
      String n = m.getName();
      boolean getter = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
          && m.getReturnType() != void.class && m.getDeclaringClass() == type
          && (n.startsWith("get") && n.length() > 3 || n.startsWith("is") && n.length() > 2);
      if (getter && !accessors.contains(n) || jackson(m.getAnnotations())) {
        return List.of(); // Jackson would add a property of its own
      }
    }
    return List.copyOf(out);
  }

  private static final Map<Class<?>, Boolean> PLAIN_ENUMS = new ConcurrentHashMap<>();

  /** An enum Jackson writes by name: no Jackson annotation on it, its constants or its methods. */
  private static boolean plainEnum(Class<?> type) {
    return PLAIN_ENUMS.computeIfAbsent(type, t -> {
      if (jackson(t.getAnnotations())) {
        return false;
      }
      for (var f : t.getDeclaredFields()) {
        if (jackson(f.getAnnotations())) {
          return false;
        }
      }
      for (Method m : t.getDeclaredMethods()) {
        if (jackson(m.getAnnotations())) {
          return false;
        }
      }
      return true;
    });
  }

  private static boolean jackson(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a.annotationType().getName().startsWith("com.fasterxml.jackson")) {
        return true;
      }
    }
    return false;
  }
}
