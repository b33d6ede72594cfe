package org.mu1000.platform.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ids: prefix, 8 hex digits of seconds, 12 random hex digits; so they sort by the second they were made. */
class IdsTest {
  @Test
  void hexIsZeroPaddedToItsWidth() {
    assertEquals("00000000", Ids.hex(0, 8));
    assertEquals("0000000f", Ids.hex(15, 8));
    assertEquals("6b0bd7b9", Ids.hex(0x6b0bd7b9L, 8));
    assertEquals("000000000abc", Ids.hex(0xabcL, 12));
    assertEquals("ffffffffffff", Ids.hex(0xFFFFFFFFFFFFL, 12));
  }

  @Test
  void idsCarryTheSecondThenRandomDigits() {
    long before = System.currentTimeMillis() / 1000;
    String id = Ids.next("lt");
    long after = System.currentTimeMillis() / 1000;
    assertTrue(id.matches("lt[0-9a-f]{20}"), id);
    long secs = Long.parseLong(id.substring(2, 10), 16);
    assertTrue(secs >= before && secs <= after, id);
    assertTrue(Ids.next("lt").compareTo(Ids.next("lu")) < 0);
  }
}
