package org.mu1000.platform.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one shared MongoClient, and the databases it hands out. With {@code MONGODB_URI=embedded} it starts the
 * wire-protocol server in this JVM, in memory (tests); the local run starts {@link EmbeddedMongoServer} with a file
 * store beside the server instead. A tenant may name its own connection string (in-country hosting).
 */
@ApplicationScoped
public class Mongo {
  private static final Logger LOG = Logger.getLogger(Mongo.class.getName());

  private String prefix;
  private MongoServer embedded;
  private MongoClient client;
  private final Map<String, MongoClient> ownClients = new ConcurrentHashMap<>();
  /** Per client: its server lacks MongoDB 8's bulkWrite, so batches go one write at a time. */
  private final Map<MongoClient, AtomicBoolean> oneByOne = new ConcurrentHashMap<>();

  protected Mongo() {}

  @Inject
  public Mongo(
      @ConfigProperty(name = "mongodb.uri", defaultValue = "embedded") String uri,
      @ConfigProperty(name = "mu1000.mongodb.database", defaultValue = "mu1000") String prefix,
      @ConfigProperty(name = "mu1000.mongodb.embedded-port", defaultValue = "0") int embeddedPort) {
    this.prefix = prefix;
    String effective = uri;
    if (uri.isBlank() || "embedded".equals(uri)) {
      effective = startEmbedded(embeddedPort);
    }
    this.client = MongoClients.create(settings(effective));
  }

  /** For tests and tools outside a container. */
  public static Mongo connect(String uri, String prefix) {
    return new Mongo(uri, prefix, 0);
  }

  /** Port 0 picks a free one; tests name a port to look at the stored documents the way an operator would. */
  private String startEmbedded(int port) {
    MongoBackend backend = EmbeddedBackends.memory();
    embedded = new MongoServer(backend);
    try {
      embedded.bind("127.0.0.1", port);
    } catch (RuntimeException e) {
      if (port == 0) {
        throw e;
      }
      LOG.warning("port " + port + " is taken; the embedded MongoDB wire server takes a free one");
      embedded = new MongoServer(backend);
      embedded.bind("127.0.0.1", 0);
    }
    InetSocketAddress address = embedded.getLocalAddress();
    LOG.info("embedded MongoDB wire server (memory) on " + address);
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
    return clientOf(ownUri).getDatabase(prefix + "_" + tenantId.replace('-', '_'));
  }

  private MongoClient clientOf(String ownUri) {
    return ownUri == null || ownUri.isBlank()
        ? client
        : ownClients.computeIfAbsent(ownUri, u -> MongoClients.create(settings(u)));
  }

  /**
   * A batch of writes to the deployment of a tenant's database ({@code ownUri} blank: the platform's, which holds the
   * control plane too).
   */
  public WriteBatch batch(String ownUri) {
    MongoClient c = clientOf(ownUri);
    return new WriteBatch(c, oneByOne.computeIfAbsent(c, x -> new AtomicBoolean()));
  }

  /**
   * Closes the client of a tenant's own deployment (its last tenant was deleted); the next use of that connection
   * string opens a new one.
   */
  public void release(String ownUri) {
    MongoClient c = ownUri == null ? null : ownClients.remove(ownUri);
    if (c != null) {
      oneByOne.remove(c);
      c.close();
    }
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
