package org.mu1000.platform.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one shared MongoClient, and the databases it hands out. With no {@code MONGODB_URI} it starts the embedded
 * wire-protocol server in this JVM: in memory, or backed by an H2 file when {@code mu1000.mongodb.embedded-file} names
 * one (the local run), so data survives a restart. A tenant may name its own connection string (in-country hosting).
 */
@ApplicationScoped
public class Mongo {
  private static final Logger LOG = Logger.getLogger(Mongo.class.getName());

  private String prefix;
  private MongoServer embedded;
  private MongoClient client;
  private final Map<String, MongoClient> ownClients = new ConcurrentHashMap<>();

  protected Mongo() {}

  @Inject
  public Mongo(
      @ConfigProperty(name = "mongodb.uri", defaultValue = "embedded") String uri,
      @ConfigProperty(name = "mu1000.mongodb.embedded-file", defaultValue = "") String embeddedFile,
      @ConfigProperty(name = "mu1000.mongodb.database", defaultValue = "mu1000") String prefix) {
    this.prefix = prefix;
    String effective = uri;
    if (uri.isBlank() || "embedded".equals(uri)) {
      effective = startEmbedded(embeddedFile);
    }
    this.client = MongoClients.create(settings(effective));
  }

  /** For tests and tools outside a container. */
  public static Mongo connect(String uri, String prefix) {
    return new Mongo(uri, "", prefix);
  }

  private String startEmbedded(String file) {
    MongoBackend backend;
    if (file.isBlank()) {
      backend = new MemoryBackend();
    } else {
      try {
        Path path = Path.of(file).toAbsolutePath();
        Files.createDirectories(path.getParent());
        backend = new H2Backend(path.toString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot create the data folder for " + file, e);
      }
    }
    embedded = new MongoServer(backend);
    embedded.bind("127.0.0.1", 0);
    InetSocketAddress address = embedded.getLocalAddress();
    LOG.info("embedded MongoDB wire server on " + address + (file.isBlank() ? " (memory)" : " (file " + file + ")"));
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  private static MongoClientSettings settings(String uri) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS))
        .build();
  }

  /** The control plane: tenant registry and platform audit. */
  public MongoDatabase controlPlane() {
    return client.getDatabase(prefix);
  }

  public MongoDatabase tenantDatabase(String tenantId, String ownUri) {
    MongoClient c = ownUri == null || ownUri.isBlank()
        ? client
        : ownClients.computeIfAbsent(ownUri, u -> MongoClients.create(settings(u)));
    return c.getDatabase(prefix + "_" + tenantId.replace('-', '_'));
  }

  public boolean ping() {
    try {
      controlPlane().runCommand(new org.bson.Document("ping", 1));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @PreDestroy
  public void close() {
    ownClients.values().forEach(MongoClient::close);
    if (client != null) {
      client.close();
    }
    if (embedded != null) {
      embedded.shutdownNow();
    }
  }
}
