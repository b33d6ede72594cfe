package org.mu1000.integrations.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for the local run and tests: a real HTTP server on loopback that records deliveries, checks
 * their signatures, and can be told to answer 500 to the next N deliveries (or all of them).
 */
public final class WebhookSandbox implements AutoCloseable {
  public record Received(String event, String delivery, String timestamp, String signature, String body,
      boolean signatureValid) {}

  private final HttpServer server;
  private final String secret;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile boolean failAll;

  public WebhookSandbox(String secret) {
    this.secret = secret;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/hook", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      attempts.incrementAndGet();
      int status;
      if (failAll || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status = 500;
      } else {
        var h = ex.getRequestHeaders();
        String ts = h.getFirst(Signatures.TIMESTAMP);
        String sig = h.getFirst(Signatures.SIGNATURE);
        received.add(new Received(h.getFirst(Signatures.EVENT), h.getFirst(Signatures.DELIVERY), ts, sig, body,
            Signatures.verify(secret, ts, body, sig)));
        status = 204;
      }
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
  }

  public String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/hook";
  }

  public String secret() {
    return secret;
  }

  public void failNext(int n) {
    failNext.set(n);
  }

  public void failAll(boolean fail) {
    failAll = fail;
  }

  public int attempts() {
    return attempts.get();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code count} deliveries arrived or the timeout passes; returns what arrived. */
  public List<Received> await(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return received();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
