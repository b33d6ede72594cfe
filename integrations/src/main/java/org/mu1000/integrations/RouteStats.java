package org.mu1000.integrations;

import java.util.concurrent.atomic.AtomicLong;

/** One provider route's messages in, out (answered) and failed, and its last error, for the tenant admin. */
public final class RouteStats {
  public final AtomicLong in = new AtomicLong();
  public final AtomicLong out = new AtomicLong();
  public final AtomicLong failed = new AtomicLong();
  public volatile String lastError;

  public void failed(String error) {
    failed.incrementAndGet();
    lastError = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
  }
}
