package org.mu1000.platform.shared.domain;

/** Page arithmetic that cannot overflow: a page beyond every item is an empty page, never the first one. */
public final class Pages {
  private Pages() {}

  public static int skip(int page, int size) {
    return (int) Math.min((long) Math.max(page, 0) * Math.max(size, 0), Integer.MAX_VALUE);
  }
}
