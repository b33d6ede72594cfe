package org.mu1000.integrations;

import java.time.Duration;

/**
 * A circuit breaker for one provider route: after {@code threshold} failures in a row it opens, and requests are not
 * sent at all (the payouts wait for the sweep) until {@code openFor} has passed; then one trial request is let through
 * (half-open), and its success closes it again.
 */
public final class Breaker {
  private final int threshold;
  private final long openForNanos;
  private int failures;
  private long openedAt;
  private boolean open;
  private boolean trialOut;

  public Breaker(int threshold, Duration openFor) {
    this.threshold = threshold;
    this.openForNanos = openFor.toNanos();
  }

  public synchronized boolean allows() {
    if (!open) {
      return true;
    }
    if (System.nanoTime() - openedAt >= openForNanos && !trialOut) {
      trialOut = true;
      return true;
    }
    return false;
  }

  public synchronized void success() {
    failures = 0;
    open = false;
    trialOut = false;
  }

  public synchronized void failure() {
    failures++;
    if (trialOut || failures >= threshold) {
      open = true;
      openedAt = System.nanoTime();
      trialOut = false;
    }
  }

  public synchronized String state() {
    return !open ? "closed" : System.nanoTime() - openedAt >= openForNanos ? "half-open" : "open";
  }
}
