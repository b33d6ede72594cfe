package org.mu1000.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BreakerTest {
  @Test
  void opensAfterFailuresInARowLetsOneTrialThroughAndClosesOnSuccess() throws InterruptedException {
    Breaker b = new Breaker(3, Duration.ofMillis(200));
    b.failure();
    b.failure();
    b.success();
    b.failure();
    b.failure();
    assertTrue(b.allows(), "a success in between starts the count again");
    b.failure();
    assertEquals("open", b.state());
    assertFalse(b.allows());
    Thread.sleep(250);
    assertEquals("half-open", b.state());
    assertTrue(b.allows(), "one trial");
    assertFalse(b.allows(), "only one");
    b.failure();
    assertEquals("open", b.state(), "a failed trial opens it again");
    Thread.sleep(250);
    assertTrue(b.allows());
    b.success();
    assertEquals("closed", b.state());
    assertTrue(b.allows());
  }
}
