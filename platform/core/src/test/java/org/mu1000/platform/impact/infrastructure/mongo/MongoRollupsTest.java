package org.mu1000.platform.impact.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.impact.domain.RollupStore;
import org.mu1000.platform.impact.domain.RollupTable;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;

/** Writes a batch may make again after an interruption: the second attempt changes nothing the first one made. */
class MongoRollupsTest {
  static final Mongo MONGO = Mongo.connect(org.mu1000.localmongo.LocalMongo.memory(), "mu1000rollups");
  static final TenantHome RW = TenantHome.of("rw", null);

  TenantDatabases databases;
  MongoRollups rollups;

  @BeforeEach
  void fresh() {
    MONGO.tenantDatabase("rw", null).drop();
    databases = new TenantDatabases(MONGO, null);
    rollups = new MongoRollups(databases);
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  private void write(String key, String... ids) {
    Batch b = databases.batch(RW);
    for (String id : ids) {
      rollups.incOnce(b, RW, RollupStore.AREAS, List.of(new RollupTable.Inc(id, Map.of("area", new BigDecimal(
          "2.5")), Map.of())), key);
    }
    b.execute();
  }

  @Test
  void anIncrementAppliesOnceForItsKey() {
    write("chunk-1", "programme|p");
    write("chunk-1", "programme|p"); // the same chunk again: counted already
    RollupTable areas = rollups.table(RW, RollupStore.AREAS);
    assertEquals(0, new BigDecimal("2.5").compareTo((BigDecimal) areas.get("programme|p").get("area")));
    write("chunk-2", "programme|p", "coop|p|c");
    assertEquals(0, new BigDecimal("5.0").compareTo((BigDecimal) areas.get("programme|p").get("area")));
    assertEquals(0, new BigDecimal("2.5").compareTo((BigDecimal) areas.get("coop|p|c").get("area")));
    assertFalse(areas.get("programme|p").containsKey(MongoRollups.APPLIED), "bookkeeping is not a figure");
  }

  @Test
  void aResumedBatchLeavesWhatTheFirstAttemptInserted() {
    Batch first = databases.batch(RW);
    rollups.insert(first, RW, RollupStore.AREAS, new Rollup().append("_id", "farmer|f1").append("area",
        new BigDecimal("3")).append("v", 1L));
    first.execute();
    Batch again = databases.batch(RW);
    again.resumed();
    rollups.insert(again, RW, RollupStore.AREAS, new Rollup().append("_id", "farmer|f1").append("area",
        new BigDecimal("9")).append("v", 1L));
    again.execute();
    assertEquals(0, new BigDecimal("3").compareTo((BigDecimal) rollups.table(RW, RollupStore.AREAS)
        .get("farmer|f1").get("area")));
  }
}
