package org.mu1000.localmongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backends' short path for plain updates of one document answers exactly as the backend's own path: the same
 * documents (field order included), the same counts, the same refusals. Each random update goes once through the
 * short path (one document by _id) and once through the backend's (the same filter as an update of many).
 */
class PlainUpdatesTest {
  private static final String[] PATHS = {"v", "kg", "seasons.2025|p1.usd", "seasons.2025|p1.lots", "seasons.2026|p1.usd",
      "seasons.2025|p1", "paid.2025-03-01", "paid.2025-03-02", "flag", "flag.x", "arr.0", "arr", "nul.x", "nul", "code",
      "_id", "new.deep.path", "seasons.$.usd", "seasons..usd", "$bad"};

  @TempDir
  Path dir;

  @Test
  void answersAsTheBackendInMemory() {
    on(EmbeddedBackends::memory, this::sameAsTheBackend);
  }

  @Test
  void answersAsTheBackendOnH2() {
    on(() -> EmbeddedBackends.h2(MVStore.open(dir.resolve("plain.mv").toString())), this::sameAsTheBackend);
  }

  private void sameAsTheBackend(MongoDatabase db) {
    MongoCollection<Document> quick = db.getCollection("quick");
    MongoCollection<Document> slow = db.getCollection("slow");
    for (MongoCollection<Document> c : List.of(quick, slow)) {
      c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
      for (int i = 0; i < 8; i++) {
        c.insertOne(document(i));
      }
    }
    Random random = new Random(7);
    long before = PlainUpdates.TAKEN.get();
    for (int round = 0; round < 3000; round++) {
      String id = "d" + random.nextInt(9); // d8 does not exist
      Bson filter = random.nextInt(4) == 0 ? Filters.and(Filters.eq("_id", id), Filters.eq("v", 1L + random.nextInt(2)))
          : Filters.eq("_id", id);
      Document update = update(random);
      String what = "round " + round + ": " + filter + " " + update.toJson();
      if (random.nextBoolean()) {
        String q = outcome(() -> counts(quick.updateOne(filter, update)));
        String s = outcome(() -> counts(slow.updateMany(filter, update)));
        assertEquals(s, q, what);
      } else {
        String q = outcome(() -> json(quick.findOneAndUpdate(filter, update,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
        String s = outcome(() -> slow.updateMany(filter, update).getMatchedCount() == 0 ? "null"
            : json(slow.find(Filters.eq("_id", id)).first()));
        assertEquals(s, q, what);
      }
      for (int i = 0; i < 8; i++) {
        assertEquals(json(slow.find(Filters.eq("_id", "d" + i)).first()),
            json(quick.find(Filters.eq("_id", "d" + i)).first()), what);
      }
    }
    long taken = PlainUpdates.TAKEN.get() - before;
    assertTrue(taken > 300 && taken < 3000, "the short path took " + taken + " of 3000 updates");
  }

  private static Document document(int i) {
    Document season = new Document("usd", new Decimal128(new BigDecimal("12.50"))).append("lots", 3);
    return new Document("_id", "d" + i).append("v", 1L).append("kg", i)
        .append("seasons", new Document("2025|p1", season)).append("paid", new Document())
        .append("flag", true).append("arr", List.of(1, 2)).append("nul", null).append("code", "C" + i);
  }

  private static Document update(Random random) {
    Document update = new Document();
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      String op = List.of("$inc", "$inc", "$set", "$set", "$setOnInsert", "$unset", "$max").get(random.nextInt(7));
      String path = PATHS[random.nextInt(PATHS.length)];
      Object value = switch (random.nextInt(6)) {
        case 0 -> random.nextInt(3);
        case 1 -> (long) random.nextInt(3);
        case 2 -> new Decimal128(new BigDecimal(random.nextInt(300)).movePointLeft(2));
        case 3 -> "text";
        case 4 -> new Document("a", 1);
        default -> new Document("$x", 1);
      };
      ((Document) update.computeIfAbsent(op, k -> new Document())).append(path, value);
    }
    return update;
  }

  private static String counts(UpdateResult r) {
    return r.getMatchedCount() + "/" + r.getModifiedCount();
  }

  private static String json(Document d) {
    return d == null ? "null" : d.toJson();
  }

  /** What a write answered, or the code of its refusal. */
  private static String outcome(Supplier<String> write) {
    try {
      return write.get();
    } catch (MongoException e) {
      return "refused " + e.getCode();
    }
  }

  private static void on(Supplier<MongoBackend> backend, java.util.function.Consumer<MongoDatabase> use) {
    MongoServer server = new MongoServer(backend.get());
    InetSocketAddress at = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + at.getPort())) {
      use.accept(client.getDatabase("mu1000_t"));
    } finally {
      server.shutdown();
    }
  }
}
