package org.mu1000.platform.shared.domain;

import java.security.SecureRandom;

/** Short, URL-safe, time-ordered ids: 8 hex digits of seconds then 12 random hex digits. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    long secs = System.currentTimeMillis() / 1000;
    long rnd = RANDOM.nextLong() & 0xFFFFFFFFFFFFL;
    return prefix + hex(secs, 8) + hex(rnd, 12);
  }

  /** {@code value} in lower-case hex, zero-padded to {@code digits} (String.format took a tenth of an intake's own time). */
  static String hex(long value, int digits) {
    String h = Long.toHexString(value);
    return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
  }
}
