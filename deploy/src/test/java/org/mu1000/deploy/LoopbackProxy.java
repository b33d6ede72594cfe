package org.mu1000.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proxy on loopback in front of several servers, as an ingress is: each request goes to the next server in turn,
 * over HTTP/1.1; a server that does not accept the connection is skipped (the request never reached it), and one
 * that breaks off an answer gives the client a 502.
 */
final class LoopbackProxy implements AutoCloseable {
  private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive", "expect");
  private final HttpServer server;
  private final List<URI> backends;
  private final AtomicInteger next = new AtomicInteger();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  LoopbackProxy(List<URI> backends) throws IOException {
    this.backends = backends;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", this::forward);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private void forward(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    int start = Math.floorMod(next.getAndIncrement(), backends.size());
    try {
      for (int i = 0; i < backends.size(); i++) {
        URI target = backends.get((start + i) % backends.size()).resolve(ex.getRequestURI().toString().substring(1));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
            .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((k, vs) -> {
          if (!HOP.contains(k.toLowerCase())) {
            vs.forEach(v -> b.header(k, v));
          }
        });
        HttpResponse<byte[]> r;
        try {
          r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException refused) {
          continue; // not listening: the request never reached it
        }
        r.headers().map().forEach((k, vs) -> {
          if (!HOP.contains(k.toLowerCase()) && !k.startsWith(":")) {
            ex.getResponseHeaders().put(k, vs);
          }
        });
        ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(r.body());
        }
        return;
      }
      ex.sendResponseHeaders(503, -1);
    } catch (IOException | InterruptedException broken) {
      ex.sendResponseHeaders(502, -1);
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
