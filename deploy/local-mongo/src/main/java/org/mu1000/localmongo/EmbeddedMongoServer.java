package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's database: the MongoDB wire-protocol server with an H2 file store, in a JVM of its own so it uses its
 * own H2 version (Payara loads an older H2 first, which corrupts the store) and so data is flushed on shutdown; or,
 * for the integration tests, in memory. Usage: {@code EmbeddedMongoServer <port> <file>|memory}.
 */
public final class EmbeddedMongoServer {
  /**
   * H2 rewrites chunks that fall below this share of live data (its default, 90 %, under load 81 %): with intake
   * updating rollups all over a million-lot store that rewrote pages all the time, a quarter of the server's CPU.
   * At 40 % (16 % while busy) it mostly compacts when idle; the file may grow to about 2.5 × its live data.
   */
  private static final int COMPACT_BELOW = 40;

  private EmbeddedMongoServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    if (args[1].equals("memory")) {
      serve(new MongoServer(EmbeddedBackends.memory()), port, "in memory");
      return;
    }
    Path file = Path.of(args[1]).toAbsolutePath();
    Files.createDirectories(file.getParent());
    // H2's default page cache is 16 MB: with a million documents every update then reads pages from disk. Give it
    // a quarter of the heap (MU1000_MONGO_HEAP sets the heap).
    int cacheMb = (int) Math.max(16, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
    MongoBackend backend = EmbeddedBackends.h2(new org.h2.mvstore.MVStore.Builder().fileName(file.toString())
        .cacheSize(cacheMb).autoCompactFillRate(COMPACT_BELOW).open());
    serve(new MongoServer(backend), port, "data in " + file + ", page cache " + cacheMb + " MB");
  }

  private static void serve(MongoServer server, int port, String what) throws InterruptedException {
    server.bind("127.0.0.1", port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      stopped.countDown();
    }));
    System.out.println("MongoDB wire server on 127.0.0.1:" + port + ", " + what);
    stopped.await();
  }
}
