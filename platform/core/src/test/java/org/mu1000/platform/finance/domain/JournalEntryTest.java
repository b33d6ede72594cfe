package org.mu1000.platform.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalEntryTest {
  static Map<String, BigDecimal> amounts(Object... pairs) {
    Map<String, BigDecimal> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], new BigDecimal(pairs[i + 1].toString()));
    }
    return m;
  }

  static JournalEntry entry(BigDecimal rate, Map<String, BigDecimal> m) {
    return JournalEntry.of("lot:1", LocalDate.of(2026, 6, 1), "lot", "1", "memo", "RWF", rate, m, "me", Instant.EPOCH);
  }

  @Test
  void anEntryMustBalanceAndHaveTwoSides() {
    assertThrows(IllegalArgumentException.class, () -> entry(null, amounts("cash", 100, "sales", -99)));
    assertThrows(IllegalArgumentException.class, () -> entry(null, amounts("cash", 100)));
    assertThrows(IllegalArgumentException.class, () -> entry(null, amounts("cash", 0, "sales", 0)));
  }

  @Test
  void zeroPostingsAreDroppedAndAccountsListed() {
    JournalEntry e = entry(null, amounts("produce", 6000, "farmer:f1", -6000, "fees:c1", 0));
    assertEquals(List.of("produce", "farmer:f1"), e.accounts());
    assertEquals(new BigDecimal("-6000"), e.on("farmer:f1"));
    assertEquals(BigDecimal.ZERO, e.on("cash"));
    assertNull(e.postings().get(0).usd(), "no rate, no USD");
  }

  @Test
  void theUsdSideBalancesTooTheLastPostingTakingTheRounding() {
    JournalEntry e = entry(new BigDecimal("1462"), amounts("produce", 6000, "farmer:f1", -5700, "fees:c1", -300));
    assertEquals(new BigDecimal("4.10"), e.postings().get(0).usd());
    assertEquals(new BigDecimal("-3.90"), e.postings().get(1).usd());
    assertEquals(new BigDecimal("-0.20"), e.postings().get(2).usd());
    BigDecimal sum = e.postings().stream().map(Posting::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.signum());
    JournalEntry thirds = entry(new BigDecimal("3"), amounts("a", 1, "b", 1, "c", -2));
    assertEquals(0, thirds.postings().stream().map(Posting::usd).reduce(BigDecimal.ZERO, BigDecimal::add).signum());
  }

  @Test
  void accountsAreClassified() {
    assertEquals("asset", Accounts.kind(Accounts.CASH));
    assertEquals("asset", Accounts.kind(Accounts.clearing("momo")));
    assertEquals("liability", Accounts.kind(Accounts.farmer("f")));
    assertEquals("expense", Accounts.kind(Accounts.PRODUCE));
    assertEquals("income", Accounts.kind(Accounts.fees("c")));
    assertEquals("income", Accounts.kind(Accounts.SALES));
  }
}
