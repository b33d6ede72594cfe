package org.mu1000.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.BsonDocument;
import org.bson.Document;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.registry.infrastructure.mongo.MongoRegistryRepository;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.infrastructure.mongo.Codecs;
import org.mu1000.platform.shared.infrastructure.mongo.VersionedCollection;
import org.mu1000.platform.valuechain.domain.Lot;

/**
 * The benchmark's data: a new tenant with a coffee programme, its grading standard and five cooperatives, farmers
 * with one polygon plot each and graded lots over them, bulk-loaded into the store; then the admin recompute of every
 * rollup from them.
 */
final class Load {
  private Load() {}

  static Benchmark.Loaded run(Benchmark b, MongoClient mongo, int farmers, int lotCount) throws Exception {
    String tenant = "bench-" + Long.toString(System.currentTimeMillis() / 1000, 36);
    System.out.println("# Mu1000 benchmark · tenant " + tenant + " · " + farmers + " farmers · " + lotCount
        + " lots · " + Runtime.getRuntime().availableProcessors() + " cores · " + LocalDate.now());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("id", tenant);
    config.put("name", "Benchmark " + tenant);
    config.put("country", "RW");
    config.put("currency", "RWF");
    config.put("areaUnit", "ha");
    config.put("languages", List.of("en"));
    config.put("timezone", "Africa/Kigali");
    config.put("povertyLine", 1300);
    config.put("fxRates", List.of(Map.of("date", "2025-01-01", "rate", Benchmark.RATE)));
    b.call("POST", "platform/tenants", Map.of("config", config), 201);
    String t = "tenants/" + tenant + "/";
    String programme = b.call("POST", t + "programmes", Map.of("name", "Coffee benchmark", "commodity",
        "coffee cherry", "seasonStart", "2026-03-01", "seasonEnd", "2026-07-31"), 201).path("id").asText();
    b.call("POST", t + "programmes/" + programme + "/grading-standards", Measure.standard(), 201);
    List<String> coops = new ArrayList<>();
    for (String c : Benchmark.COOPS) {
      coops.add(b.call("POST", t + "cooperatives", Map.of("name", c + " " + tenant, "region", "Northern Province",
          "district", "Gakenke"), 201).path("id").asText());
    }
    MongoDatabase db = mongo.getDatabase("mu1000_" + tenant.replace('-', '_'));

    // --- load: farmers with one polygon plot each, then lots over them ---
    Random rnd = new Random(42);
    List<String[]> growers = new ArrayList<>();
    List<Document> fb = new ArrayList<>();
    List<Document> pb = new ArrayList<>();
    long l0 = System.nanoTime();
    for (int i = 0; i < farmers; i++) {
      String fid = Ids.next("fa");
      String coop = coops.get(i % coops.size());
      Instant now = Instant.now();
      Farmer f = new Farmer(fid, "B" + i, "Given" + i, "Family" + (i % 977), i % 2 == 0 ? Sex.FEMALE : Sex.MALE,
          1960 + rnd.nextInt(40), 2 + rnd.nextInt(6), String.format("+2507%08d", i), null, null, coop,
          List.of(programme),
          new Money(BigDecimal.valueOf(150_000 + rnd.nextInt(700_000)), "RWF"), true, LocalDate.of(2026, 1, 10), now,
          now, 1);
      double lat = -1.6 - rnd.nextDouble() * 0.3;
      double lon = 29.6 + rnd.nextDouble() * 0.3;
      double side = 20 + rnd.nextDouble() * 40;
      Plot p = Plot.measured(Ids.next("pl"), fid, null, "coffee", 2015, Measure.square(lon, lat, side), null, 1);
      fb.add(MongoRegistryRepository.farmerDoc(f).append("version", 1L).append("deleted", false));
      pb.add(MongoRegistryRepository.plotDoc(p).append("version", 1L).append("deleted", false));
      growers.add(new String[] {fid, p.id(), coop});
      if (fb.size() == 1000 || i == farmers - 1) {
        db.getCollection("farmers").insertMany(fb);
        db.getCollection("plots").insertMany(pb);
        fb.clear();
        pb.clear();
        Measure.progress("farmers and plots", i + 1, farmers);
      }
    }
    Benchmark.out("load.farmers", Benchmark.rate(farmers, l0), "farmers/s", "bulk insert, farmer + plot documents");
    String[] grades = {"A", "A", "B", "B", "B", "C", "reject"};
    List<BsonDocument> lb = new ArrayList<>();
    l0 = System.nanoTime();
    MongoCollection<BsonDocument> lotsColl = db.getCollection("lots", BsonDocument.class);
    for (int i = 0; i < lotCount; i++) {
      String[] g = growers.get(rnd.nextInt(growers.size()));
      String id = Ids.next("lt");
      LocalDate day = LocalDate.of(2026, 3, 1).plusDays(rnd.nextInt(150));
      Instant now = Instant.now();
      Lot lot = new Lot(id, "BN" + Long.toString(i, 36).toUpperCase(), programme, "coffee cherry",
          grades[rnd.nextInt(grades.length)], 1, BigDecimal.valueOf(2000 + rnd.nextInt(18000), 2), Map.of(), true,
          g[0], g[1], g[2], null, day, "2026", Lot.Status.STORED, null, null, null, null, null, now, now, 1);
      lb.add(VersionedCollection.fresh(Codecs.document(id, lot)));
      if (lb.size() == 5000 || i == lotCount - 1) {
        lotsColl.insertMany(lb);
        lb.clear();
        Measure.progress("lots", i + 1, lotCount);
      }
    }
    Benchmark.out("load.lots", Benchmark.rate(lotCount, l0), "lots/s", "bulk insert");

    // --- recompute: every rollup from the raw lots and the registry ---
    long r0 = System.nanoTime();
    JsonNode re = b.call("POST", t + "impact/recompute", Map.of(), 200);
    Benchmark.out("recompute", Benchmark.ms(r0), "ms", "server-side " + re.path("millis").asText() + " ms for " + re.path("lots").asText()
        + " lots and " + re.path("farmers").asText() + " farmers; " + re.path("rollups").asText() + " rollup documents");
    return new Benchmark.Loaded(tenant, programme, db, growers);
  }
}
