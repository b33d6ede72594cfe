package org.mu1000.platform.impact;

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
import org.mu1000.platform.persistence.Mongo;

/**
 * The live rollups (atomic increments on the wire server) and the recompute (the same operations in memory) must
 * give identical documents for any sequence of changes: that is what makes "rollup = recompute" hold.
 */
class RollupTableTest {
  static final Mongo MONGO = Mongo.connect("embedded", "mu1000rolluptest");
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
    RollupTable live = RollupTable.of(coll);
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
        RollupTable.Inc i = new RollupTable.Inc(id, inc, Map.of("level", "farmer", "key", id));
        if (r.nextBoolean()) {
          live.inc(List.of(i));
          memory.inc(List.of(i));
        } else {
          assertEquals(normal(memory.incAndGet(i)), normal(live.incAndGet(i)), "after step " + step);
        }
      } else {
        Document cur = live.get(id);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("band", cur == null ? null : cur.get("band"));
        Map<String, Object> set = Map.of("band", r.nextInt(6));
        boolean a = live.setIf(id, expected, set);
        boolean b = memory.setIf(id, expected, set);
        assertEquals(b, a, "setIf at step " + step);
      }
    }
    for (Document d : coll.find()) {
      assertEquals(normal(memory.get(d.getString("_id"))), normal(d));
    }
  }

  @Test
  void concurrentIncrementsLoseNothingAndCompareAndSetLetsOneWriterWin() throws Exception {
    RollupTable live = RollupTable.of(coll);
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
    Document p = live.get("p");
    assertEquals(0, new BigDecimal("0.00000004").compareTo(((org.bson.types.Decimal128) p.get("usd"))
        .bigDecimalValue()));
    assertEquals(400, p.getInteger("lots"));
    Map<String, Object> none = new LinkedHashMap<>();
    none.put("band", null);
    assertTrue(live.setIf("p", none, Map.of("band", 2)));
    assertFalse(live.setIf("p", none, Map.of("band", 3)), "the second writer read a stale value");
    assertEquals(2, live.get("p").getInteger("band"));
  }

  static Object normal(Document d) {
    Document copy = new Document(d);
    copy.remove("v");
    return ImpactService.sorted(copy);
  }

}
