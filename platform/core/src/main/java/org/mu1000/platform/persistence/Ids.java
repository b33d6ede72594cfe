package org.mu1000.platform.persistence;

import java.security.SecureRandom;

/** Short, URL-safe, time-ordered ids: 8 hex digits of seconds then 12 random hex digits. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    long secs = System.currentTimeMillis() / 1000;
    long rnd = RANDOM.nextLong() & 0xFFFFFFFFFFFFL;
    return prefix + String.format("%08x%012x", secs, rnd);
  }
}
