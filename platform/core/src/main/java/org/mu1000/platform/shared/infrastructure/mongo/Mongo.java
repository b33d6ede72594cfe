package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one shared MongoClient, and the databases it hands out. It only ever takes a connection string
 * ({@code MONGODB_URI}): production's MongoDB, or the local wire server that {@code ./mu1000 run} and the tests start
 * in a JVM of their own. A tenant may name its own connection string (in-country hosting).
 */
@ApplicationScoped
public class Mongo {
  private String prefix;
  private MongoClient client;
  private final Map<String, MongoClient> ownClients = new ConcurrentHashMap<>();
  /** Per client: its server lacks MongoDB 8's bulkWrite, so batches go one write at a time. */
  private final Map<MongoClient, AtomicBoolean> oneByOne = new ConcurrentHashMap<>();

  protected Mongo() {}

  @Inject
  public Mongo(
      @ConfigProperty(name = "mongodb.uri") java.util.Optional<String> uri,
      @ConfigProperty(name = "mu1000.mongodb.database", defaultValue = "mu1000") String prefix) {
    this(uri.filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
        "set MONGODB_URI to the MongoDB connection string (./mu1000 run starts a local one)")), prefix);
  }

  private Mongo(String uri, String prefix) {
    this.prefix = prefix;
    this.client = MongoClients.create(settings(uri));
  }

  /** For tests and tools outside a container. */
  public static Mongo connect(String uri, String prefix) {
    return new Mongo(uri, prefix);
  }

  private static MongoClientSettings settings(String uri) {
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .codecRegistry(Codecs.REGISTRY)
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
  }
}
