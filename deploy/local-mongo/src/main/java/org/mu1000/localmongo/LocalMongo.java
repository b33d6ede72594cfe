package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;

/** An in-memory wire server inside the calling JVM, for unit tests: one per JVM, on a free loopback port. */
public final class LocalMongo {
  private static MongoServer shared;

  private LocalMongo() {}

  /** The connection string of this JVM's in-memory server, started on first use. */
  public static synchronized String memory() {
    if (shared == null) {
      shared = new MongoServer(EmbeddedBackends.memory());
      shared.bind("127.0.0.1", 0);
    }
    InetSocketAddress at = shared.getLocalAddress();
    return "mongodb://127.0.0.1:" + at.getPort();
  }
}
