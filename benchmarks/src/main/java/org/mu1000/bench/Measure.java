package org.mu1000.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.mu1000.platform.impact.domain.Impact;

/** What the benchmark computes beside the server: rates, percentiles, the raw-lots figure, the synthetic shapes. */
final class Measure {
  private Measure() {}

  static void progress(String what, long done, long total) {
    System.err.printf("\r%s %d / %d (%d%%)   ", what, done, total, done * 100 / Math.max(1, total));
    if (done == total) {
      System.err.println();
    }
  }

  static double throughput(int n, int concurrency, Benchmark.Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long s = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < concurrency; c++) {
      fs.add(pool.submit(() -> {
        int i;
        while ((i = next.getAndIncrement()) < n) {
          call.run(i);
          int d = done.incrementAndGet();
          if (d % Math.max(1, n / 20) == 0) {
            progress("requests", d, n);
          }
        }
        return null;
      }));
    }
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException failed) {
      next.set(n); // the other clients stop after their current request
      throw new IllegalStateException("a request failed: " + failed.getCause().getMessage(), failed.getCause());
    } finally {
      pool.shutdown(); // its threads keep the JVM alive otherwise: a failed run would never end
    }
    return n / ((System.nanoTime() - s) / 1e9);
  }

  /**
   * What a dashboard without rollups does: stream the programme's lots (kg and grade only) and the plots' areas, value
   * the lots, divide. Streamed with a projection so the server does not hold a million full documents at once.
   */
  static BigDecimal fromRawLots(MongoDatabase db, String programme) {
    Map<String, BigDecimal> prices = Map.of("A", new BigDecimal("620"), "B", new BigDecimal("480"), "C",
        new BigDecimal("300"));
    Map<String, BigDecimal> kgByGrade = new java.util.HashMap<>();
    for (Document d : db.getCollection("lots").find(Filters.and(Filters.eq("programmeId", programme),
        Filters.eq("season", "2026"), Filters.eq("harvest", true))).projection(new Document("kg", 1)
        .append("grade", 1).append("_id", 0)).batchSize(5000)) {
      kgByGrade.merge(d.getString("grade"), Benchmark.dec(d.get("kg")), BigDecimal::add);
    }
    BigDecimal usd = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : kgByGrade.entrySet()) {
      usd = usd.add(e.getValue().multiply(prices.getOrDefault(e.getKey(), BigDecimal.ZERO)).divide(Benchmark.RATE, 10,
          RoundingMode.HALF_EVEN));
    }
    BigDecimal area = BigDecimal.ZERO;
    for (Document d : db.getCollection("plots").find(Filters.eq("deleted", false)).projection(
        new Document("areaM2", 1).append("_id", 0)).batchSize(5000)) {
      area = area.add(Benchmark.dec(d.get("areaM2")));
    }
    return Impact.usdPerMu(usd, area);
  }

  static String pct(List<Long> nanos, int p) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    long v = s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    return String.format("%.1f", v / 1e6);
  }

  static Map<String, Object> square(double lon, double lat, double side) {
    double dLat = side / 111_320.0;
    double dLon = side / (111_320.0 * Math.cos(Math.toRadians(lat)));
    return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + dLon, lat),
        List.of(lon + dLon, lat + dLat), List.of(lon, lat + dLat), List.of(lon, lat))));
  }

  static Map<String, Object> standard() {
    return Map.of("commodity", "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %"),
        Map.of("key", "defects", "label", "Defects"), Map.of("key", "moisture", "label", "Moisture %")),
        "grades", List.of(
            Map.of("code", "A", "name", "A", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 95),
                Map.of("measure", "defects", "op", "<=", "value", 5)), "prices", List.of(Map.of("validFrom",
                    "2025-01-01", "perKg", 620))),
            Map.of("code", "B", "name", "B", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 85)),
                "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 480))),
            Map.of("code", "C", "name", "C", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 60)),
                "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 300)))));
  }
}
