package org.mu1000.integrations.payments;

import java.util.concurrent.atomic.AtomicLong;

/** One provider route's messages in, out (answered) and failed, and its last error, for the tenant admin. */
final class RouteStats {
  final AtomicLong in = new AtomicLong();
  final AtomicLong out = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  volatile String lastError;

  void failed(String error) {
    failed.incrementAndGet();
    lastError = error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
  }
}
