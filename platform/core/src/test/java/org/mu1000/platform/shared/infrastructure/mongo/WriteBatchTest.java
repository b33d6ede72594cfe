package org.mu1000.platform.shared.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.bulk.ClientBulkWriteOptions;
import com.mongodb.client.model.bulk.ClientBulkWriteResult;
import com.mongodb.client.model.bulk.ClientNamespacedWriteModel;
import com.mongodb.client.model.bulk.ClientUpdateOneOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mu1000.localmongo.EmbeddedBackends;
import org.mu1000.platform.shared.domain.Batch;

/**
 * A batch writes to several databases and collections in one bulkWrite command, in order, stopping at the first
 * failure; against a server without the command (MongoDB before 8.0) it writes one by one with the same outcome.
 */
class WriteBatchTest {
  @TempDir
  Path dir;

  @Test
  void oneRoundTripInMemory() {
    on(EmbeddedBackends::memory, (client, commands) -> oneRoundTrip(client, commands, true));
  }

  @Test
  void oneRoundTripOnH2() {
    on(() -> EmbeddedBackends.h2(MVStore.open(dir.resolve("batch.mv").toString())),
        (client, commands) -> oneRoundTrip(client, commands, true));
  }

  @Test
  void oneWriteAfterAnotherOnAServerWithoutBulkWrite() {
    on(MemoryBackend::new, (client, commands) -> oneRoundTrip(client, commands, false));
  }

  private void oneRoundTrip(MongoClient client, List<String> commands, boolean bulk) {
    AtomicBoolean oneByOne = new AtomicBoolean();
    client.getDatabase("t1").getCollection("lots").insertOne(new Document("_id", "taken"));
    commands.clear();

    WriteBatch b = new WriteBatch(client, oneByOne);
    assertEquals(0, b.insert("cp", "index", new Document("_id", "RWA1").append("lot", "a")));
    assertEquals(1, b.insert("t1", "lots", new Document("_id", "a").append("kg", 5)));
    assertEquals(2, b.upsert("t1", "rollups", Filters.eq("_id", "p1"),
        Updates.combine(Updates.inc("lots", 1), Updates.setOnInsert("level", "plot"))));
    b.upsert("t1", "rollups", Filters.eq("_id", "p1"), Updates.inc("lots", 1));
    b.execute();
    assertEquals(bulk ? List.of("bulkWrite") : List.of("bulkWrite", "insert", "insert", "update", "update"),
        commands, "the writes and how they reached the server");
    assertEquals(!bulk, oneByOne.get());
    assertEquals("a", client.getDatabase("cp").getCollection("index").find().first().getString("lot"));
    assertEquals(5, client.getDatabase("t1").getCollection("lots").find(Filters.eq("_id", "a")).first()
        .getInteger("kg"));
    Document rollup = client.getDatabase("t1").getCollection("rollups").find().first();
    assertEquals(2, rollup.getInteger("lots"), "created by the first upsert, incremented by the second");
    assertEquals("plot", rollup.getString("level"));

    // ordered: a duplicate key at write 1 keeps write 0 and stops before write 2
    commands.clear();
    WriteBatch failing = new WriteBatch(client, oneByOne);
    failing.insert("cp", "index", new Document("_id", "RWA2"));
    failing.insert("t1", "lots", new Document("_id", "taken"));
    failing.insert("t1", "lots", new Document("_id", "after"));
    failing.upsert("t1", "rollups", Filters.eq("_id", "p1"), Updates.inc("lots", 1));
    Batch.Failed f = assertThrows(Batch.Failed.class, failing::execute);
    assertEquals(1, f.index());
    assertTrue(f.duplicateKey());
    assertEquals(bulk ? List.of("bulkWrite") : List.of("insert", "insert"), commands,
        "a server without bulkWrite is asked only once");
    assertEquals(1, client.getDatabase("cp").getCollection("index").countDocuments(Filters.eq("_id", "RWA2")));
    assertNull(client.getDatabase("t1").getCollection("lots").find(Filters.eq("_id", "after")).first());
    assertEquals(2, client.getDatabase("t1").getCollection("rollups").find().first().getInteger("lots"));

    new WriteBatch(client, oneByOne).execute(); // nothing to write: no round trip
    assertEquals(bulk ? List.of("bulkWrite") : List.of("insert", "insert"), commands);

    // conditional updates: applied where the filter matches, never creating a document, and reported
    WriteBatch cas = new WriteBatch(client, oneByOne);
    assertThrows(IllegalStateException.class, cas::allMatched, "nothing to report before the batch is written");
    cas.upsert("t1", "rollups", Filters.eq("_id", "p2"), Updates.inc("lots", 1)); // creates p2
    cas.updateIf("t1", "rollups", Filters.and(Filters.eq("_id", "p1"), Filters.eq("lots", 2)), Updates.inc("lots", 5));
    cas.upsert("t1", "rollups", Filters.eq("_id", "p2"), Updates.inc("lots", 1)); // matches p2
    cas.execute();
    assertTrue(cas.allMatched());
    assertEquals(7, client.getDatabase("t1").getCollection("rollups").find(Filters.eq("_id", "p1")).first()
        .getInteger("lots"));
    WriteBatch stale = new WriteBatch(client, oneByOne);
    stale.upsert("t1", "rollups", Filters.eq("_id", "p3"), Updates.inc("lots", 1)); // creates p3
    stale.updateIf("t1", "rollups", Filters.and(Filters.eq("_id", "p1"), Filters.eq("lots", 2)),
        Updates.inc("lots", 5));
    stale.updateIf("t1", "rollups", Filters.eq("_id", "absent"), Updates.inc("lots", 1));
    stale.upsert("t1", "rollups", Filters.eq("_id", "p2"), Updates.inc("lots", 1));
    stale.execute();
    assertFalse(stale.allMatched(), "a stale condition or an absent document is reported");
    assertEquals(7, client.getDatabase("t1").getCollection("rollups").find(Filters.eq("_id", "p1")).first()
        .getInteger("lots"), "and changes nothing");
    assertEquals(0, client.getDatabase("t1").getCollection("rollups").countDocuments(Filters.eq("_id", "absent")));
    assertEquals(3, client.getDatabase("t1").getCollection("rollups").find(Filters.eq("_id", "p2")).first()
        .getInteger("lots"), "the writes after it were applied");
  }

  @Test
  void reportsEveryWriteWhenAskedForVerboseResults() {
    on(EmbeddedBackends::memory, (client, commands) -> {
      MongoNamespace lots = new MongoNamespace("t1", "lots");
      MongoNamespace rollups = new MongoNamespace("t1", "rollups");
      ClientBulkWriteResult r = client.bulkWrite(List.of(
          ClientNamespacedWriteModel.insertOne(lots, new Document("_id", "a")),
          ClientNamespacedWriteModel.updateOne(rollups, Filters.eq("_id", "p"), Updates.inc("n", 1),
              ClientUpdateOneOptions.clientUpdateOneOptions().upsert(true)),
          ClientNamespacedWriteModel.updateOne(rollups, Filters.eq("_id", "p"), Updates.inc("n", 1)),
          ClientNamespacedWriteModel.updateOne(rollups, Filters.eq("_id", "absent"), Updates.inc("n", 1)),
          ClientNamespacedWriteModel.deleteOne(lots, Filters.eq("_id", "a"))),
          ClientBulkWriteOptions.clientBulkWriteOptions().verboseResults(true));
      assertEquals(1, r.getInsertedCount());
      assertEquals(1, r.getUpsertedCount());
      assertEquals(1, r.getMatchedCount());
      assertEquals(1, r.getModifiedCount());
      assertEquals(1, r.getDeletedCount());
      var verbose = r.getVerboseResults().orElseThrow();
      assertEquals("p", verbose.getUpdateResults().get(1).getUpsertedId().orElseThrow().asString().getValue());
      assertEquals(0, verbose.getUpdateResults().get(3).getMatchedCount());
      assertEquals(1, verbose.getDeleteResults().get(4).getDeletedCount());
      assertEquals(0, client.getDatabase("t1").getCollection("lots").countDocuments());
    });
  }

  @Test
  void aMalformedCommandWritesNothing() {
    on(EmbeddedBackends::memory, (client, commands) -> {
      Document bad = new Document("bulkWrite", 1)
          .append("ops", List.of(new Document("insert", 0).append("document", new Document("_id", "a")),
              new Document("insert", 5).append("document", new Document("_id", "b"))))
          .append("nsInfo", List.of(new Document("ns", "t1.lots")));
      MongoCommandException e = assertThrows(MongoCommandException.class,
          () -> client.getDatabase("admin").runCommand(bad));
      assertEquals(9, e.getErrorCode());
      assertTrue(e.getErrorMessage().contains("op 1"), e.getErrorMessage());
      assertFalse(client.getDatabase("t1").listCollectionNames().into(new ArrayList<>()).contains("lots"),
          "the valid first op was not run either");
    });
  }

  private interface Use {
    void accept(MongoClient client, List<String> commands);
  }

  private static void on(Supplier<MongoBackend> backend, Use use) {
    MongoServer server = new MongoServer(backend.get());
    InetSocketAddress at = server.bind();
    List<String> commands = Collections.synchronizedList(new ArrayList<>());
    CommandListener listener = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent e) {
        if (List.of("bulkWrite", "insert", "update", "delete").contains(e.getCommandName())) {
          commands.add(e.getCommandName());
        }
      }
    };
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + at.getPort()))
        .addCommandListener(listener).build();
    try (MongoClient client = MongoClients.create(settings)) {
      use.accept(client, commands);
    } finally {
      server.shutdown();
    }
  }
}
