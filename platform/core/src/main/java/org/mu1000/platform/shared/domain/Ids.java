package org.mu1000.platform.shared.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Short, URL-safe, time-ordered ids: 8 hex digits of seconds then 12 random hex digits. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String next(String prefix) {
    long secs = System.currentTimeMillis() / 1000;
    long rnd = RANDOM.nextLong() & 0xFFFFFFFFFFFFL;
    return prefix + hex(secs, 8) + hex(rnd, 12);
  }

  /**
   * An id derived from what it names (a job and a row, say): the same parts always give the same id, so a write
   * made again after an interruption finds what the first attempt wrote instead of writing it twice.
   */
  public static String derived(String prefix, String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return prefix + HexFormat.of().formatHex(sha.digest(), 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code value} in lower-case hex, zero-padded to {@code digits} (String.format took a tenth of an intake's own time). */
  static String hex(long value, int digits) {
    String h = Long.toHexString(value);
    return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
  }
}
