package org.mu1000.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  @Test
  void aKeyGetsItsBudgetThenWaitsAndRefillsOverTheMinute() {
    AtomicLong clock = new AtomicLong();
    RateBudget budget = new RateBudget(3, clock::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, budget.take("a"));
    }
    long wait = budget.take("a");
    assertTrue(wait >= 1 && wait <= 20, "about 20 s for one of 3 per minute: " + wait);
    assertEquals(0, budget.take("b"), "another address has its own budget");
    clock.addAndGet(20_000_000_000L);
    assertEquals(0, budget.take("a"));
    assertTrue(budget.take("a") > 0);
  }
}
