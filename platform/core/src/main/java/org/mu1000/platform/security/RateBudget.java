package org.mu1000.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per key: {@code capacity} requests at once, refilled evenly over a minute. Forgets idle keys. */
final class RateBudget {
  private static final long MINUTE = 60_000_000_000L;
  private static final int MAX_KEYS = 100_000;

  private record Bucket(double tokens, long at) {}

  private final int capacity;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateBudget(int capacity, LongSupplier clock) {
    this.capacity = Math.max(1, capacity);
    this.clock = clock;
  }

  static RateBudget perMinute(int n) {
    return new RateBudget(n, System::nanoTime);
  }

  /** Takes one request from the key's budget: 0 when allowed, else the seconds until one is free again. */
  long take(String key) {
    long now = clock.getAsLong();
    if (buckets.size() > MAX_KEYS) {
      buckets.entrySet().removeIf(e -> now - e.getValue().at() > MINUTE);
    }
    long[] wait = {0};
    buckets.compute(key, (k, b) -> {
      double tokens = b == null ? capacity
          : Math.min(capacity, b.tokens() + (now - b.at()) * (double) capacity / MINUTE);
      if (tokens >= 1) {
        return new Bucket(tokens - 1, now);
      }
      wait[0] = Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / capacity));
      return new Bucket(tokens, now);
    });
    return wait[0];
  }
}
