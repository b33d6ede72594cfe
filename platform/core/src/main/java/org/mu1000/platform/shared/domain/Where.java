package org.mu1000.platform.shared.domain;

import java.util.Collection;
import java.util.List;

/**
 * Which stored records a query wants, said in the records' own field names: the application asks with it, the
 * persistence adapter translates it for its store. Values are the field's Java values (strings, numbers, booleans,
 * ISO dates as strings).
 */
public sealed interface Where {
  /** The field equals the value. */
  record Eq(String field, Object value) implements Where {}

  /** The field equals one of the values. */
  record In(String field, List<?> values) implements Where {}

  /** The field is at least {@code from} and at most {@code to}; either bound may be null (open). */
  record Between(String field, Object from, Object to) implements Where {}

  /** Every part holds. */
  record All(List<Where> parts) implements Where {}

  static Where eq(String field, Object value) {
    return new Eq(field, value);
  }

  static Where in(String field, Collection<?> values) {
    return new In(field, List.copyOf(values));
  }

  static Where atLeast(String field, Object value) {
    return new Between(field, value, null);
  }

  static Where atMost(String field, Object value) {
    return new Between(field, null, value);
  }

  /** Every part holds; no part at all means every record. */
  static Where all(Where... parts) {
    return new All(List.of(parts));
  }

  static Where all(List<Where> parts) {
    return new All(List.copyOf(parts));
  }

  /** The order of a query's answer: by one field, up or down. */
  record Order(String field, boolean ascending) {
    public static Order by(String field) {
      return new Order(field, true);
    }

    public static Order byDescending(String field) {
      return new Order(field, false);
    }

    /** By id: the order records were created in, as ids begin with their creation time. */
    public static final Order ID = by("id");
    public static final Order NEWEST_FIRST = byDescending("id");
  }
}
