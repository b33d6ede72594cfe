package org.mu1000.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;

/**
 * A cooperative's registry imported from a CSV file (a farmer with one plot a row, through the upload, the dry run
 * and the commit, with every check, audit entry, event and enrolment), beside raw {@code insertMany} of the same
 * farmer and plot documents into the same store.
 */
final class ImportBench {
  private ImportBench() {}

  static void run(Benchmark b, Benchmark.Loaded l, int farmers) throws Exception {
    String t = "tenants/" + l.tenant() + "/";
    MongoDatabase db = l.db();
    String coop = db.getCollection("cooperatives").find().first().getString("_id");
    String tag = "IMP" + UUID.randomUUID().toString().substring(0, 8);
    StringBuilder csv = new StringBuilder("external_id,given_name,family_name,sex,birth_year,household_size,msisdn,"
        + "programme_ids,baseline_annual_income,consent_given,consent_date,plot_external_id,plot_crop,"
        + "plot_latitude,plot_longitude,plot_area_m2\n");
    Random rnd = new Random(44);
    for (int i = 0; i < farmers; i++) {
      csv.append(tag).append('-').append(i).append(",Given").append(i).append(",Family").append(i % 977).append(',')
          .append(i % 2 == 0 ? 'F' : 'M').append(',').append(1960 + rnd.nextInt(40)).append(',')
          .append(2 + rnd.nextInt(6)).append(",+2507").append(String.format("%08d", i)).append(',')
          .append(l.programme()).append(',').append(150_000 + rnd.nextInt(700_000)).append(",yes,2026-01-10,P1,coffee,")
          .append(String.format("%.5f,%.5f", -1.6 - rnd.nextDouble() * 0.3, 29.6 + rnd.nextDouble() * 0.3)).append(',')
          .append(400 + rnd.nextInt(4000)).append('\n');
    }
    long d0 = System.nanoTime();
    String id = b.call("POST", t + "imports?cooperativeId=" + coop + "&format=csv&fileName=bench.csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), 202).path("id").asText();
    JsonNode dry = await(b, t + "imports/" + id, "validated", "invalid", "failed");
    if (!dry.path("status").asText().equals("validated")) {
      throw new IllegalStateException("the benchmark file did not pass its dry run: " + dry);
    }
    long dryMs = Benchmark.ms(d0);
    long c0 = System.nanoTime();
    b.call("POST", t + "imports/" + id + "/commit", null, 202);
    JsonNode done = await(b, t + "imports/" + id, "committed", "failed");
    double importSeconds = (System.nanoTime() - c0) / 1e9;
    if (!done.path("status").asText().equals("committed") || done.path("farmersCreated").asInt() != farmers) {
      throw new IllegalStateException("the benchmark import did not commit every farmer: " + done);
    }

    // the same documents, as the import stored them, inserted again under new ids
    List<Document> fs = new ArrayList<>();
    db.getCollection("farmers").find(Filters.regex("externalId", "^" + tag + "-")).forEach(fs::add);
    List<Document> ps = new ArrayList<>();
    List<Object> ids = fs.stream().map(f -> f.get("_id")).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      db.getCollection("plots").find(Filters.in("farmerId", ids.subList(i, Math.min(ids.size(), i + 1000))))
          .forEach(ps::add);
    }
    MongoCollection<Document> rawFarmers = db.getCollection("bench_raw_farmers");
    MongoCollection<Document> rawPlots = db.getCollection("bench_raw_plots");
    long r0 = System.nanoTime();
    for (int i = 0; i < fs.size(); i += 1000) {
      rawFarmers.insertMany(renamed(fs.subList(i, Math.min(fs.size(), i + 1000))));
      rawPlots.insertMany(renamed(ps.subList(Math.min(ps.size(), i), Math.min(ps.size(), i + 1000))));
    }
    double rawSeconds = (System.nanoTime() - r0) / 1e9;
    rawFarmers.drop();
    rawPlots.drop();
    double imported = farmers / importSeconds;
    double raw = farmers / rawSeconds;
    Benchmark.out("import", String.format("%.0f", imported), "farmers/s", String.format("%.2f × raw-insert; target "
        + "≥ 0.5; commit of a CSV of %d farmers with a plot each, after a dry run of %.1f s", imported / raw, farmers,
        dryMs / 1000.0));
    Benchmark.out("raw-insert", String.format("%.0f", raw), "farmers/s", "insertMany of the same farmer and plot "
        + "documents, 1,000 a call");
  }

  private static List<Document> renamed(List<Document> docs) {
    List<Document> copies = new ArrayList<>(docs.size());
    for (Document d : docs) {
      Document c = new Document(d);
      c.put("_id", "raw" + UUID.randomUUID());
      copies.add(c);
    }
    return copies;
  }

  private static JsonNode await(Benchmark b, String path, String... end) throws Exception {
    while (true) {
      JsonNode job = b.call("GET", path, null, 200);
      if (List.of(end).contains(job.path("status").asText())) {
        return job;
      }
      Thread.sleep(100);
    }
  }
}
