package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/** An in-memory wire server inside the calling JVM, for unit tests: one per JVM, on a free loopback port
 * (and further ones on request). */
public final class LocalMongo {
  private static MongoServer shared;

  private LocalMongo() {}

  /** The connection string of this JVM's in-memory server, started on first use. */
  public static synchronized String memory() {
    if (shared == null) {
      shared = new MongoServer(EmbeddedBackends.memory());
      shared.bind("127.0.0.1", 0);
    }
    return uri(shared);
  }

  /** A further server of its own, for tests of two deployments: in memory, or ({@code file} given) on an H2 file. */
  public static String another(java.nio.file.Path file) {
    MongoServer server = new MongoServer(file == null ? EmbeddedBackends.memory()
        : EmbeddedBackends.h2(new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open()));
    server.bind("127.0.0.1", 0);
    return uri(server);
  }

  private static String uri(MongoServer server) {
    InetSocketAddress at = server.getLocalAddress();
    return "mongodb://127.0.0.1:" + at.getPort();
  }
}
