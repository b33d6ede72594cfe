package org.mu1000.platform.traceability.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * EPCIS event ids: {@code urn:uuid:} and a version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random
 * bits. Ids made later sort later, so new events are appended to the event collection and its id index instead of
 * landing on a random page of each (with a million events, every insert dirtied two random pages).
 */
public final class EventIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private EventIds() {}

  public static String next() {
    return "urn:uuid:" + uuid7(System.currentTimeMillis());
  }

  static UUID uuid7(long unixMillis) {
    long random = RANDOM.nextLong();
    long high = (unixMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL); // time, version 7, 12 random bits
    long low = (random & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // variant 10, 62 random bits
    return new UUID(high, low);
  }
}
