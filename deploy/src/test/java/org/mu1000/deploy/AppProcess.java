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

  /**
   * A data grid on loopback: Payara's Hazelcast with TCP/IP discovery of the given members' ports, under a cluster
   * name of its own so that no other test run joins it.
   */
  record Grid(String name, List<Integer> ports) {
    static Grid of(int members) throws IOException {
      List<Integer> ports = new java.util.ArrayList<>();
      for (int i = 0; i < members; i++) {
        ports.add(freePort());
      }
      return new Grid("mu1000-it-" + java.util.UUID.randomUUID().toString().substring(0, 8), ports);
    }

    List<String> args(int member) {
      return List.of("--clustername", name, "--clustermode", "tcpip:" + String.join(",", ports.stream()
          .map(p -> "127.0.0.1:" + p).toList()), "--startport", String.valueOf(ports.get(member)), "--interfaces",
          "127.0.0.1");
    }
  }

  /** Starts a server with the tests' settings and {@code env} beside them; returns once it is ready. */
  static AppProcess start(String name, Map<String, String> env) throws Exception {
    return start(name, env, List.of("--nohazelcast"));
  }

  /** Starts the {@code member}th server of a data grid. */
  static AppProcess start(String name, Map<String, String> env, Grid grid, int member) throws Exception {
    return start(name, env, grid.args(member));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static AppProcess start(String name, Map<String, String> env, List<String> gridArgs) throws Exception {
    int port = freePort();
    Path log = Path.of("target", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        System.getProperty("payara.microJar"), "--deploy", System.getProperty("mu1000.war"), "--port",
        String.valueOf(port), "--postbootcommandfile", System.getProperty("payara.postBoot")));
    command.addAll(gridArgs);
    ProcessBuilder pb = new ProcessBuilder(command)
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
