package org.mu1000.platform.traceability.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
  @Test
  void versionSevenUuidsCarryTheirMillisecondAndSortByIt() {
    long t = 1_764_400_000_123L; // 2025-11-29
    UUID a = EventIds.uuid7(t);
    assertEquals(7, a.version());
    assertEquals(2, a.variant(), "RFC 9562 variant");
    assertEquals(t, a.getMostSignificantBits() >>> 16, "the first 48 bits are the Unix milliseconds");
    assertEquals(Long.toHexString(t), a.toString().replace("-", "").substring(0, 12).replaceFirst("^0+", ""));
    String earlier = EventIds.uuid7(t).toString();
    String later = EventIds.uuid7(t + 1).toString();
    assertTrue(earlier.compareTo(later) < 0, "a later millisecond sorts later as text, as the store orders ids");
    assertNotEquals(EventIds.uuid7(t), EventIds.uuid7(t), "random within a millisecond");
  }

  @Test
  void idsAreUrnUuidsAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = EventIds.next();
      assertTrue(id.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
      assertTrue(seen.add(id));
    }
  }
}
