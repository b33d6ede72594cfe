package org.mu1000.localmongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded wire server answers compare-and-set queries like MongoDB, reading one document by its _id. */
class EmbeddedBackendsTest {
  @TempDir
  Path dir;

  @Test
  void compareAndSetMatchesOnlyTheStoredVersionInMemory() {
    on(EmbeddedBackends::memory, this::compareAndSet);
  }

  @Test
  void compareAndSetMatchesOnlyTheStoredVersionOnH2() {
    on(() -> EmbeddedBackends.h2(MVStore.open(dir.resolve("cas.mv").toString())), this::compareAndSet);
  }

  private void compareAndSet(MongoCollection<Document> c) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      docs.add(new Document("_id", "lt" + i).append("version", 1L).append("deleted", false).append("kg", i));
    }
    c.insertMany(docs);
    assertEquals(1, c.updateOne(Filters.and(Filters.eq("_id", "lt7"), Filters.eq("version", 1L)),
        Updates.combine(Updates.set("kg", 70), Updates.inc("version", 1L))).getMatchedCount());
    assertEquals(0, c.updateOne(Filters.and(Filters.eq("_id", "lt7"), Filters.eq("version", 1L)),
        Updates.set("kg", 700)).getMatchedCount(), "a stale version matches nothing");
    assertEquals(70, c.find(Filters.eq("_id", "lt7")).first().getInteger("kg"));
    assertEquals(0, c.updateOne(Filters.and(Filters.eq("_id", "nope"), Filters.eq("version", 1L)),
        Updates.set("kg", 1)).getMatchedCount(), "an absent id matches nothing");
    assertEquals(0, c.countDocuments(Filters.eq("_id", "nope")), "and is not inserted");

    assertEquals("lt8", c.find(Filters.and(Filters.eq("_id", "lt8"), Filters.eq("deleted", false))).first()
        .getString("_id"));
    assertNull(c.find(Filters.and(Filters.eq("_id", "lt8"), Filters.eq("deleted", true))).first());
    // operators on _id keep the backend's own plan and still answer right
    assertEquals(2, c.countDocuments(Filters.and(Filters.in("_id", "lt1", "lt2", "nope"), Filters.eq("version", 1L))));
    assertEquals(1, c.countDocuments(Filters.and(Filters.in("_id", "lt7", "lt8"), Filters.eq("version", 2L))));
    assertEquals(1, c.deleteOne(Filters.and(Filters.eq("_id", "lt9"), Filters.eq("deleted", false)))
        .getDeletedCount());
    assertEquals(499, c.countDocuments());
    for (int i = 11; i < 500; i += 37) {
      assertEquals(i, c.find(Filters.eq("_id", "lt" + i)).first().getInteger("kg"), "every id is found");
    }
    com.mongodb.MongoWriteException dup = org.junit.jupiter.api.Assertions.assertThrows(
        com.mongodb.MongoWriteException.class, () -> c.insertOne(new Document("_id", "lt3")));
    assertEquals(11000, dup.getCode(), "a second lt3 is a duplicate key");
    c.createIndex(com.mongodb.client.model.Indexes.ascending("code"),
        new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
    c.insertOne(new Document("_id", "x1").append("code", "RWA-1"));
    assertEquals(11000, org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoWriteException.class,
        () -> c.insertOne(new Document("_id", "x2").append("code", "RWA-1"))).getCode(), "a unique field too");
    c.insertOne(new Document("_id", "x3").append("code", "RWA-2"));
    assertEquals("x3", c.find(Filters.eq("code", "RWA-2")).first().getString("_id"));
    c.dropIndex("code_1");
    c.insertOne(new Document("_id", "x4").append("code", "RWA-2")); // no longer unique
    assertEquals(2, c.countDocuments(Filters.eq("code", "RWA-2")));
    // an upsert keyed by _id with a condition that does not hold inserts nothing when the id exists: a duplicate
    assertEquals(1, c.updateOne(Filters.and(Filters.eq("_id", "lt10"), Filters.eq("version", 1L)),
        Updates.inc("kg", 1), new com.mongodb.client.model.UpdateOptions().upsert(true)).getMatchedCount());
    c.drop();
    assertEquals(0, c.countDocuments(), "dropped with its indexes");
    c.insertOne(new Document("_id", "lt1"));
    assertEquals(1, c.countDocuments(Filters.eq("_id", "lt1")), "and made afresh");
  }

  @Test
  void queriesNamingOneIdUseTheIdIndex() {
    MongoBackend backend = EmbeddedBackends.memory();
    MongoServer server = new MongoServer(backend);
    InetSocketAddress at = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + at.getPort())) {
      client.getDatabase("t").getCollection("lots").insertOne(new Document("_id", "a").append("version", 1L));
      AbstractMongoCollection<?> lots = (AbstractMongoCollection<?>) ((AbstractMongoBackend) backend)
          .resolveDatabase("t").resolveCollection("lots", true);
      assertNotNull(positions(lots, new de.bwaldvogel.mongo.bson.Document("_id", "a").append("version", 1L)));
      assertNull(positions(lots, new de.bwaldvogel.mongo.bson.Document("_id", "a")), "the backend's own case");
      assertNull(positions(lots, new de.bwaldvogel.mongo.bson.Document("version", 1L).append("kg", 1)));
      assertNull(positions(lots, new de.bwaldvogel.mongo.bson.Document("_id",
          new de.bwaldvogel.mongo.bson.Document("$in", List.of("a"))).append("version", 1L)));
    } finally {
      server.shutdownNow();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Iterable<?> positions(AbstractMongoCollection<?> c, de.bwaldvogel.mongo.bson.Document query) {
    return EmbeddedBackends.positions((List) c.getIndexes(), query);
  }

  @Test
  void opensAStoreWrittenByThePlainH2Backend() {
    String file = dir.resolve("old.mv").toString();
    on(() -> new H2Backend(MVStore.open(file)), c -> {
      c.insertOne(new Document("_id", "f1").append("version", 3L));
      c.createIndex(com.mongodb.client.model.Indexes.ascending("version"));
    });
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      assertEquals(1, c.countDocuments());
      assertEquals(java.util.Set.of("_id_", "version_1"), c.listIndexes().map(i -> i.getString("name"))
          .into(new java.util.HashSet<>()), "the secondary index is kept without reading the documents to build it");
      c.createIndex(com.mongodb.client.model.Indexes.ascending("version"));
      assertEquals(1, c.countDocuments(Filters.eq("version", 3L)));
      assertEquals(1, c.updateOne(Filters.and(Filters.eq("_id", "f1"), Filters.eq("version", 3L)),
          Updates.inc("version", 1L)).getMatchedCount());
    });
    Document kinds = new Document("_id", "k").append("kg", new org.bson.types.Decimal128(new java.math.BigDecimal(
        "12.345"))).append("n", 7).append("big", 7L).append("x", 1.5).append("yes", true).append("none", null)
        .append("at", new java.util.Date(1_700_000_000_123L)).append("list", List.of("a", 2, new Document("b", 3)))
        .append("sub", new Document("paid", new Document("2026-05-10", 1)))
        .append("oid", new org.bson.types.ObjectId("65a1b2c3d4e5f60718293a4b"))
        .append("bytes", new org.bson.types.Binary(new byte[] {1, 2, 3}));
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> c.insertOne(kinds));
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      assertEquals(4L, c.find(Filters.eq("_id", "f1")).first().getLong("version"), "written as BSON, read back");
      assertEquals(kinds.toJson(), c.find(Filters.eq("_id", "k")).first().toJson(), "every BSON type survives");
    });
  }

  /**
   * Unchanged documents are written back from the BSON kept since they were last written; a changed one is encoded
   * again. Every round changes some documents in place (the backend's way) on pages that also hold unchanged
   * ones, commits, and finally reopens the store: each document must read back as last written.
   */
  @Test
  void writesBackEachDocumentAsLastChanged() {
    String file = dir.resolve("rewrite.mv").toString();
    int[] expected = new int[60];
    java.util.Map<String, Integer> nested = new java.util.HashMap<>();
    for (int round = 0; round < 3; round++) { // each round opens the store again: documents read back from disk
      int r = round;
      MVStore store = MVStore.open(file);
      on(() -> EmbeddedBackends.h2(store), c -> {
        if (r == 0) {
          for (int i = 0; i < expected.length; i++) {
            c.insertOne(new Document("_id", String.format("d%03d", i)).append("n", 0).append("pad", "x".repeat(300)));
          }
          store.commit();
          long before = EmbeddedBackends.encodings();
          c.updateOne(Filters.eq("_id", "d000"), Updates.set("pad", "y".repeat(300)));
          c.updateOne(Filters.eq("_id", "d000"), Updates.set("pad", "x".repeat(300)));
          store.commit();
          assertEquals(1, EmbeddedBackends.encodings() - before,
              "a commit encodes the one document changed, its page's other documents are written from their BSON");
        }
        for (int step = 0; step < 20; step++) {
          int i = (step * 7 + r * 13) % expected.length;
          String id = String.format("d%03d", i);
          if (step % 2 == 0) {
            c.updateOne(Filters.eq("_id", id), Updates.inc("n", 1));
          } else {
            String day = "2026-05-" + (10 + step % 3);
            c.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("paid." + day, 1));
            nested.merge(id + "|" + day, 1, Integer::sum);
          }
          if (step % 2 == 0) {
            expected[i]++;
          }
          store.commit();
        }
      });
    }
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      for (int i = 0; i < expected.length; i++) {
        Document d = c.find(Filters.eq("_id", String.format("d%03d", i))).first();
        assertNotNull(d);
        assertEquals(expected[i], d.getInteger("n"), "n of " + d.getString("_id"));
        assertEquals(300, d.getString("pad").length());
      }
      nested.forEach((k, n) -> {
        String[] at = k.split("\\|");
        assertEquals(n, c.find(Filters.eq("_id", at[0])).first().get("paid", Document.class).getInteger(at[1]), k);
      });
    });
  }

  /**
   * Unique indexes on H2 take a short path for a string in a plain field (ids, lot codes) and the library's for the
   * rest; both must keep MongoDB's meaning: duplicates refused on insert and update, a changed key freed, numbers
   * compared by value, a missing field indexed as null, and all of it still so after the store is reopened.
   */
  @Test
  void uniqueIndexesRefuseDuplicatesOfEveryKind() {
    String file = dir.resolve("unique.mv").toString();
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      c.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
      c.createIndex(new Document("n", 1), new com.mongodb.client.model.IndexOptions().unique(true));
      c.insertOne(new Document("_id", "a").append("code", "X").append("n", 1));
      c.insertOne(new Document("_id", "b").append("code", "Y").append("n", 2));
      assertDuplicate(() -> c.insertOne(new Document("_id", "c").append("code", "X").append("n", 3)));
      assertDuplicate(() -> c.insertOne(new Document("_id", "a").append("code", "Q").append("n", 4)));
      assertDuplicate(() -> c.insertOne(new Document("_id", "c").append("code", "Q").append("n", 1.0)));
      assertDuplicate(() -> c.updateOne(Filters.eq("_id", "b"), Updates.set("code", "X")));
      assertEquals("Y", c.find(Filters.eq("_id", "b")).first().getString("code"), "a refused update changes nothing");
      c.updateOne(Filters.eq("_id", "b"), Updates.set("code", "Z"));
      c.insertOne(new Document("_id", "d").append("code", "Y").append("n", 5)); // Y is free again
      assertDuplicate(() -> c.insertOne(new Document("_id", "e").append("code", "Z").append("n", 6)));
      c.updateOne(Filters.eq("_id", "b"), Updates.inc("n", 10)); // another field: the code's key stays
      assertEquals("b", c.find(Filters.eq("code", "Z")).first().getString("_id"));
      c.insertOne(new Document("_id", "f").append("n", 7)); // no code: null, once
      assertDuplicate(() -> c.insertOne(new Document("_id", "g").append("n", 8)));
    });
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      assertEquals(4, c.countDocuments());
      assertDuplicate(() -> c.insertOne(new Document("_id", "h").append("code", "Z").append("n", 9)));
      assertDuplicate(() -> c.insertOne(new Document("_id", "d").append("code", "W").append("n", 9)));
      assertEquals("d", c.find(Filters.eq("code", "Y")).first().getString("_id"));
    });
  }

  /**
   * An insert whose unique keys are all strings puts each key before the document, beside secondary indexes too: a
   * refused one must take back the keys put before it, so nothing of it remains, in the indexes or the data, also
   * after the store is reopened.
   */
  @Test
  void aRefusedInsertLeavesNoKeyBehind() {
    String file = dir.resolve("refused.mv").toString();
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      c.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
      c.createIndex(new Document("farmerId", 1).append("harvestDate", 1)); // secondary: holds nothing, hinders nothing
      long shortBefore = EmbeddedBackends.shortInserts();
      c.insertOne(new Document("_id", "a").append("code", "X"));
      c.insertOne(new Document("_id", "b").append("code", "Y"));
      assertEquals(2, EmbeddedBackends.shortInserts() - shortBefore, "string keys take the short path");
      assertDuplicate(() -> c.insertOne(new Document("_id", "c").append("code", "X"))); // the id was put first
      assertDuplicate(() -> c.insertOne(new Document("_id", "a").append("code", "R")));
      var batch = org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoBulkWriteException.class,
          () -> c.insertMany(List.of(new Document("_id", "d").append("code", "S"),
              new Document("_id", "e").append("code", "Y"))));
      assertEquals(11000, batch.getWriteErrors().get(0).getCode());
      assertEquals(3, c.countDocuments(), "the refused inserts wrote nothing, the one before them in the batch did");
      assertNull(c.find(Filters.eq("_id", "c")).first());
      assertNull(c.find(Filters.eq("code", "R")).first());
      c.insertOne(new Document("_id", "c").append("code", "Q")); // neither "c" nor "R" nor "e" is held
      c.insertOne(new Document("_id", "f").append("code", "R"));
      c.insertOne(new Document("_id", "e").append("code", "T"));
    });
    on(() -> EmbeddedBackends.h2(MVStore.open(file)), c -> {
      assertEquals(6, c.countDocuments());
      for (String[] idCode : new String[][] {{"a", "X"}, {"b", "Y"}, {"c", "Q"}, {"d", "S"}, {"e", "T"}, {"f", "R"}}) {
        assertEquals(idCode[0], c.find(Filters.eq("code", idCode[1])).first().getString("_id"));
        assertEquals(idCode[1], c.find(Filters.eq("_id", idCode[0])).first().getString("code"));
      }
      assertDuplicate(() -> c.insertOne(new Document("_id", "g").append("code", "Q")));
      assertDuplicate(() -> c.insertOne(new Document("_id", "f").append("code", "Z")));
    });
  }

  /**
   * The store writes pages in the background, every few milliseconds here, while clients increment counters in
   * place and insert beside them from several connections, the way intake does: after the server is shut down (as the
   * local run's is on Ctrl-C) and the store opened again, every increment must be there.
   */
  @Test
  void incrementsUnderBackgroundWritesSurviveAShutdown() throws Exception {
    String file = dir.resolve("busy.mv").toString();
    int counters = 40;
    int threads = 4;
    int each = 1500;
    // a page cache of 1 MB and compaction at 90 % fill: pages are dropped, read back and moved all the time
    MVStore store = new MVStore.Builder().fileName(file).cacheSize(1).autoCompactFillRate(90).open();
    store.setAutoCommitDelay(5);
    MongoServer server = new MongoServer(EmbeddedBackends.h2(store));
    InetSocketAddress at = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + at.getPort())) {
      MongoCollection<Document> c = client.getDatabase("mu1000_t").getCollection("rollups");
      for (int i = 0; i < counters; i++) {
        c.insertOne(new Document("_id", "r" + i).append("n", 0).append("pad", "x".repeat(2000)));
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int k = 0; k < each; k++) {
            c.updateOne(Filters.eq("_id", "r" + (k * 7 + thread) % counters), Updates.inc("n", 1));
            client.getDatabase("mu1000_t").getCollection("lots").insertOne(new Document("_id", thread + "-" + k)
                .append("pad", "y".repeat(1000)));
          }
          return null;
        }));
      }
      for (var f : done) {
        f.get();
      }
      pool.shutdown();
    } finally {
      server.shutdown();
    }
    MongoServer again = new MongoServer(EmbeddedBackends.h2(MVStore.open(file)));
    InetSocketAddress reopened = again.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + reopened.getPort())) {
      var db = client.getDatabase("mu1000_t");
      assertEquals(threads * each, db.getCollection("lots").countDocuments());
      int sum = 0;
      for (Document d : db.getCollection("rollups").find()) {
        sum += d.getInteger("n");
      }
      assertEquals(threads * each, sum, "every increment was written");
    } finally {
      again.shutdown();
    }
  }

  private static void assertDuplicate(Runnable write) {
    com.mongodb.MongoException e = org.junit.jupiter.api.Assertions.assertThrows(com.mongodb.MongoException.class,
        write::run);
    assertEquals(11000, e.getCode(), e.getMessage());
  }

  private static void on(Supplier<MongoBackend> backend, java.util.function.Consumer<MongoCollection<Document>> use) {
    MongoServer server = new MongoServer(backend.get());
    InetSocketAddress at = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + at.getPort())) {
      use.accept(client.getDatabase("mu1000_t").getCollection("lots"));
    } finally {
      server.shutdown();
    }
  }
}
