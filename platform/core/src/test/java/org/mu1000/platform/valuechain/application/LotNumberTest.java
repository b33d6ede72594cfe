package org.mu1000.platform.valuechain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LotNumberTest {
  static final LocalDate HARVEST = LocalDate.of(2026, 5, 10);

  @Test
  void fitsGs1sLotFieldAndNamesTenantAndHarvestDate() {
    String n = LotService.lotNumber("bench-tp92ve", HARVEST, Instant.parse("2026-11-29T10:00:00Z").getEpochSecond());
    assertEquals(20, n.length(), n);
    assertTrue(n.startsWith("BEN260510"), n);
    assertTrue(n.matches("[0-9A-Z]{1,20}") && !n.matches(".*[ILOU].*"), "no characters read as others: " + n);
    assertTrue(LotService.lotNumber("rw", HARVEST, 0).startsWith("RW260510"));
  }

  @Test
  void numbersRecordedLaterSortLaterWithinAHarvestDate() {
    long t = Instant.parse("2026-11-29T10:00:00Z").getEpochSecond();
    String previous = LotService.lotNumber("rwanda", HARVEST, t);
    for (long s = t + 1; s < t + 5000; s += 7) {
      String next = LotService.lotNumber("rwanda", HARVEST, s);
      assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
      previous = next;
    }
    // the time characters repeat after 2^20 s (12 days); the harvest date before them keeps dates apart
    assertEquals(LotService.lotNumber("rwanda", HARVEST, t).substring(0, 13),
        LotService.lotNumber("rwanda", HARVEST, t + (1L << 20)).substring(0, 13));
  }

  @Test
  void numbersOfOneSecondDifferOnlyInTheirRandomPart() {
    long t = Instant.parse("2026-11-29T10:00:00Z").getEpochSecond();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String n = LotService.lotNumber("rwanda", HARVEST, t);
      assertEquals(LotService.lotNumber("rwanda", HARVEST, t).substring(0, 13), n.substring(0, 13));
      seen.add(n);
    }
    assertEquals(10_000, seen.size(), "seven random characters: no repeats among 10,000 of one second");
    assertNotEquals(LotService.lotNumber("rwanda", HARVEST, t).substring(13), LotService.lotNumber("rwanda", HARVEST,
        t).substring(13));
  }
}
