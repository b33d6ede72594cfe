package org.mu1000.platform.impact.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.impact.application.ImpactRebuild;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupDocs;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;

/**
 * The live rollups (atomic increments on the wire server) and the recompute (the same operations in memory) must
 * give identical documents for any sequence of changes: that is what makes "rollup = recompute" hold.
 */
class MongoRollupTableTest {
  private static final org.bson.json.JsonWriterSettings EXTENDED = org.bson.json.JsonWriterSettings.builder()
      .outputMode(org.bson.json.JsonMode.EXTENDED).build();
  static final Mongo MONGO = Mongo.connect(org.mu1000.localmongo.LocalMongo.memory(), "mu1000rolluptest");
  MongoCollection<Document> coll;

  @BeforeEach
  void fresh() {
    var db = MONGO.tenantDatabase("t1", null);
    db.drop();
    coll = db.getCollection("rollups");
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  @Test
  void liveAndMemoryAgreeOnRandomSequences() {
    RollupTable live = new MongoRollupTable(coll);
    RollupTable.Memory memory = RollupTable.memory();
    Random r = new Random(7);
    for (int step = 0; step < 2000; step++) {
      String id = "doc" + r.nextInt(15);
      int kind = r.nextInt(10);
      if (kind < 7) {
        Map<String, Object> inc = new LinkedHashMap<>();
        BigDecimal usd = BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, 10);
        inc.put("usd", usd);
        inc.put("lots", r.nextBoolean() ? 1 : -1);
        inc.put("months.2026-0" + (1 + r.nextInt(9)), usd);
        inc.put("bands." + r.nextInt(6), r.nextBoolean() ? 1 : -1);
        inc.put("seasons.2026|pg" + r.nextInt(2) + ".usd", usd);
        RollupTable.Inc i = new RollupTable.Inc(id, inc, Map.of("level", "farmer", "key", id));
        if (r.nextBoolean()) {
          live.inc(List.of(i));
          memory.inc(List.of(i));
        } else {
          assertEquals(normal(memory.incAndGet(i)), normal(live.incAndGet(i)), "after step " + step);
        }
      } else {
        Rollup cur = live.get(id);
        String path = r.nextBoolean() ? "band" : "seasons.2026|pg" + r.nextInt(2) + ".band"; // dotted: an enrolment's
        Object now = cur == null ? null : path.equals("band") ? cur.get("band")
            : cur.at(List.of(path.split("\\.")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put(path, r.nextInt(4) == 0 ? Integer.valueOf(r.nextInt(6)) : now); // sometimes a stale value
        Map<String, Object> set = Map.of(path, r.nextInt(6));
        boolean a = live.setIf(id, expected, set);
        boolean b = memory.setIf(id, expected, set);
        assertEquals(b, a, "setIf at step " + step);
      }
    }
    for (Document d : coll.find()) {
      assertEquals(normal(memory.get(d.getString("_id"))), normal(MongoRollups.rollup(d)));
    }
  }

  /**
   * An intake settles a farmer from the enrolment it read and the increment it sent, without reading it again: that
   * document must be the one the server holds after the increment, version included, and what was read unchanged.
   */
  @Test
  void anIncrementAppliedToADocumentReadGivesWhatTheServerHolds() {
    RollupTable live = new MongoRollupTable(coll);
    Random r = new Random(11);
    for (int step = 0; step < 500; step++) {
      String id = "farmer|f" + r.nextInt(5);
      Map<String, Object> inc = new LinkedHashMap<>();
      BigDecimal usd = BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, 1 + r.nextInt(12));
      String season = "seasons.202" + r.nextInt(3) + "|pg" + r.nextInt(2) + ".";
      inc.put(season + "usd", usd);
      inc.put(season + "lots", 1 + r.nextInt(3));
      inc.put("paid.2026-05-1" + r.nextInt(10), usd.negate());
      inc.put("v", 1L);
      Rollup read = live.get(id);
      if (read == null) {
        live.incAndGet(new RollupTable.Inc(id, Map.of("v", 1L), Map.of()));
        continue;
      }
      String before = MongoRollups.document(read).toJson();
      Rollup expected = RollupTable.incremented(read, inc);
      Rollup actual = live.incAndGet(new RollupTable.Inc(id, inc, Map.of()));
      assertEquals(MongoRollups.document(actual).toJson(EXTENDED), MongoRollups.document(expected).toJson(EXTENDED),
          "at step " + step); // types, scales, order
      assertEquals(before, MongoRollups.document(read).toJson(), "the document read is left as it was");
    }
  }

  @Test
  void concurrentIncrementsLoseNothingAndCompareAndSetLetsOneWriterWin() throws Exception {
    RollupTable live = new MongoRollupTable(coll);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> fs = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      fs.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          live.inc(List.of(new RollupTable.Inc("p", Map.of("usd", new BigDecimal("0.0000000001"), "lots", 1),
              Map.of("level", "programme"))));
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    Rollup p = live.get("p");
    assertEquals(0, new BigDecimal("0.00000004").compareTo((BigDecimal) p.get("usd")));
    assertEquals(400, p.getInteger("lots"));
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("band", null);
    assertTrue(live.setIf("p", none, Map.of("band", 2)));
    assertFalse(live.setIf("p", none, Map.of("band", 3)), "the second writer read a stale value");
    assertEquals(2, live.get("p").getInteger("band"));
  }

  @Test
  void aPayoutDuringAnEnrolmentChangeIsKeptBecauseItMovesTheVersion() {
    RollupTable live = new MongoRollupTable(coll);
    RollupTable.Inc payout = new RollupTable.Inc("farmer|f1", Map.of("paid.2026-05-10", new BigDecimal("12.5"),
        "v", 1L), Map.of());
    live.update("farmer|f1", d -> d.append("area", new BigDecimal("1000")));
    int[] calls = {0};
    Rollup[] change = live.update("farmer|f1", d -> {
      if (calls[0]++ == 0) {
        live.incAndGet(payout); // lands between this change's read and its write
      }
      return d.append("area", new BigDecimal("2000"));
    });
    assertEquals(2, calls[0], "the change read again after the payout");
    Rollup after = live.get("farmer|f1");
    assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) after.sub("paid")
        .get("2026-05-10")), "the payout survived the change: " + after);
    assertEquals(0, new BigDecimal("2000").compareTo((BigDecimal) after.get("area")));
    assertEquals(3L, RollupTable.version(after), "created, paid, changed");
    assertEquals(after, change[1]);
    // the recompute runs the same steps one after the other, and versions stay numbers it can compare
    RollupTable.Memory memory = RollupTable.memory();
    memory.update("farmer|f1", d -> d.append("area", new BigDecimal("1000")));
    memory.incAndGet(payout);
    memory.update("farmer|f1", d -> d.append("area", new BigDecimal("2000")));
    assertEquals(3L, RollupTable.version(memory.get("farmer|f1")));
    assertEquals(normal(after), normal(memory.get("farmer|f1")));
  }

  @Test
  void aChangeToNothingDeletesTheDocumentUnlessItChangedMeanwhile() {
    RollupTable live = new MongoRollupTable(coll);
    for (RollupTable t : List.of(live, RollupTable.memory())) {
      t.update("farmer|f1", d -> d.append("area", 1));
      Rollup[] gone = t.update("farmer|f1", d -> null);
      assertEquals(1, gone[0].getInteger("area"));
      assertEquals(null, gone[1]);
      assertEquals(null, t.get("farmer|f1"));
      assertEquals(null, t.update("farmer|f1", d -> null)[0], "nothing to delete");
    }
    live.update("farmer|f2", d -> d.append("area", 1));
    int[] calls = {0};
    live.update("farmer|f2", d -> {
      if (calls[0]++ == 0) {
        live.incAndGet(new RollupTable.Inc("farmer|f2", Map.of("paid.2026-05-10", BigDecimal.ONE, "v", 1L),
            Map.of()));
        return null; // decided on what it read: the payout since then keeps the document
      }
      return d.containsKey("paid") ? d : null;
    });
    assertEquals(2, calls[0]);
    assertTrue(live.get("farmer|f2").containsKey("paid"));
  }

  @Test
  void aHouseholdsPaymentsCountForTheLast365Days() {
    Rollup enrolment = new Rollup().append("_id", "farmer|f1").append("paid", new Rollup().append("2025-11-29",
        new BigDecimal("5")).append("2025-11-30", new BigDecimal("40.00"))
        .append("2026-11-29", new BigDecimal("2.5"))
        .append("2026-11-30", new BigDecimal("100")));
    assertEquals(new BigDecimal("42.50"), RollupDocs.paidWithinYear(enrolment, java.time.LocalDate.of(2026, 11, 29)),
        "from the day after a year ago to today");
    assertEquals(0, BigDecimal.ZERO.compareTo(RollupDocs.paidWithinYear(null, java.time.LocalDate.of(2026, 1, 1))));
  }

  static Object normal(Rollup d) {
    Rollup copy = new Rollup(d);
    copy.remove("v");
    return ImpactRebuild.sorted(copy);
  }

}
