package org.mu1000.platform.shared.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of an input before refusing it, so the caller sees them all at once. */
public final class Violations {
  private final List<Violation> list = new ArrayList<>();

  public Violations add(String field, String message) {
    list.add(new Violation(field, message));
    return this;
  }

  public Violations require(boolean ok, String field, String message) {
    if (!ok) {
      add(field, message);
    }
    return this;
  }

  public Violations addAll(String prefix, List<Violation> others) {
    others.forEach(v -> add(prefix + v.field(), v.message()));
    return this;
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Violation> list() {
    return List.copyOf(list);
  }

  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw DomainException.invalid(list());
    }
  }
}
