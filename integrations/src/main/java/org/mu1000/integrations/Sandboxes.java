package org.mu1000.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** What the providers' local sandboxes share: their HTTP server, writing a JSON answer, waiting for a fault's delay. */
public final class Sandboxes {
  private Sandboxes() {}

  /** An HTTP server on the loopback address ({@code port} 0: any free one), its handlers on daemon threads. */
  public static HttpServer server(int port, String name) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
      server.setExecutor(Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      }));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      ex.getResponseHeaders().set("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
