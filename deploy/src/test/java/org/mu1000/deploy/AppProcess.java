package org.mu1000.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The WAR in a Payara Micro of its own, on a port of its own, with the store and Keycloak the tests run with: for
 * tests that stop a server the hard way ({@code kill -9}) or run two of them.
 */
final class AppProcess implements AutoCloseable {
  private final Process process;
  final int port;
  final Path log;

  private AppProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server with the tests' settings and {@code env} beside them; returns once it is ready. */
  static AppProcess start(String name, Map<String, String> env) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Path.of("target", name + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        System.getProperty("payara.microJar"), "--deploy", System.getProperty("mu1000.war"), "--port",
        String.valueOf(port), "--nohazelcast", "--postbootcommandfile", System.getProperty("payara.postBoot")))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    AppProcess app = new AppProcess(pb.start(), port, log);
    app.awaitReady(Duration.ofMinutes(4));
    return app;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  private void awaitReady(Duration within) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long end = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server stopped while starting; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base().resolve("health/ready"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server was not ready within " + within + "; see " + log.toAbsolutePath());
  }

  /** {@code kill -9}: the server gets no chance to finish anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
