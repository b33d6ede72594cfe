package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A server killed ({@code kill -9}) while it commits an import: the server started again goes on from where the
 * commit got, and the registry holds every row once, with its plot, audit entry and enrolment.
 */
class ImportCrashIT {
  private static final int FARMERS = 20_000;
  /** Commits whose server stopped are taken over after this long without progress. */
  private static final Map<String, String> SHORT_LEASE = Map.of("MU1000_IMPORT_LEASE_SECONDS", "4");

  @Test
  void aCommitKilledMidwayGoesOnAfterARestartAndWritesEveryRowOnce() throws Exception {
    String tag = "Crash" + UUID.randomUUID().toString().substring(0, 6);
    List<List<String>> rows = new ArrayList<>(List.of(TenantsAndImportIT.HEADER));
    for (int i = 0; i < FARMERS; i++) {
      rows.add(TenantsAndImportIT.row(tag + "-" + i, "Ange", tag, "+2507" + String.format("%08d", i)));
    }
    byte[] file = Sheets.csv(rows);
    String job;
    int seenBeforeKill;
    try (AppProcess first = AppProcess.start("import-crash-1", SHORT_LEASE)) {
      Api api = new Api(first.base());
      Fixture.tenants(api);
      job = api.raw(RW_ADMIN, "POST", "tenants/rwanda/imports?cooperativeId=" + Fixture.RW_OTHER_COOP_ID
          + "&format=csv&fileName=crash.csv", "application/octet-stream", file).json().path("id").asText();
      assertEquals("validated", Fixture.awaitImport(api, job, Duration.ofMinutes(5), "validated", "invalid", "failed")
          .path("status").asText());
      assertEquals(202, api.post(RW_ADMIN, "tenants/rwanda/imports/" + job + "/commit", null).status());
      // kill once 2,000 rows are in, best while a chunk is written in part (more farmers stored than the job
      // says are written in full); past 10,000 rows, whatever the moment
      JsonNode now;
      boolean inPart = false;
      try (MongoClient watch = MongoClients.create(Deployments.mongoUri())) {
        var farmers = watch.getDatabase("mu1000_rwanda").getCollection("farmers");
        do {
          Thread.sleep(20);
          now = api.get(RW_ADMIN, "tenants/rwanda/imports/" + job).json();
          int rowsInFull = now.path("processedRows").asInt();
          if (rowsInFull >= 2_000) {
            inPart = farmers.countDocuments(Filters.regex("externalId", "^" + tag + "-")) > rowsInFull;
          }
        } while (now.path("status").asText().equals("committing") && !inPart
            && now.path("processedRows").asInt() < 10_000);
        first.kill();
      }
      assertEquals("committing", now.path("status").asText(), "the commit was still running: " + now);
      seenBeforeKill = now.path("processedRows").asInt();
      System.out.println("import-crash: killed " + (inPart ? "while a chunk was written in part" : "between chunks"));
    }
    Thread.sleep(1000); // a batch the server had sent is applied in full by the store: let it finish
    try (MongoClient mongo = MongoClients.create(Deployments.mongoUri())) {
      MongoDatabase db = mongo.getDatabase("mu1000_rwanda");
      long written = db.getCollection("farmers").countDocuments(Filters.regex("externalId", "^" + tag + "-"));
      assertTrue(written >= seenBeforeKill && written < FARMERS, "killed midway: " + written + " farmers written");
      Document stopped = db.getCollection("import_jobs").find(Filters.eq("_id", job)).first();
      assertEquals("committing", stopped.getString("status"));
      // the job says which rows were written in full; the chunk in flight may be written in part (a batch goes to
      // the store in several commands), and the restarted server completes it
      long checkpoint = stopped.getInteger("processedRows");
      System.out.printf("import-crash: killed with %d rows in full by the job, %d farmers in the store%n",
          checkpoint, written);
      assertTrue(checkpoint <= written && written <= checkpoint + 500, checkpoint + " rows in full, " + written
          + " farmers written");

      try (AppProcess second = AppProcess.start("import-crash-2", SHORT_LEASE)) {
        Api api = new Api(second.base());
        JsonNode done = Fixture.awaitImport(api, job, Duration.ofMinutes(5), "committed", "failed");
        assertEquals("committed", done.path("status").asText(), done.toString());
        assertEquals(FARMERS, done.path("processedRows").asInt());
        assertEquals(FARMERS, done.path("farmersCreated").asInt(), done.toString());
        assertEquals(FARMERS, done.path("plotsWritten").asInt(), done.toString());

        // every row once, with all that goes with it
        List<String> ids = new ArrayList<>();
        db.getCollection("farmers").find(Filters.regex("externalId", "^" + tag + "-"))
            .projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
        assertEquals(FARMERS, ids.size(), "no farmer twice, none lost");
        assertEquals(FARMERS, db.getCollection("plots").countDocuments(Filters.in("farmerId", ids)));
        assertEquals(FARMERS, db.getCollection("audit").countDocuments(Filters.and(Filters.eq("action",
            "farmer.created"), Filters.in("entityId", ids))));
        assertEquals(FARMERS, db.getCollection("impact_areas").countDocuments(Filters.in("_id", ids.stream()
            .map(id -> "farmer|" + id).toList())), "every farmer enrolled");

        // the same file again: nothing new
        String again = api.raw(RW_ADMIN, "POST", "tenants/rwanda/imports?cooperativeId=" + Fixture.RW_OTHER_COOP_ID
            + "&format=csv&fileName=crash.csv", "application/octet-stream", file).json().path("id").asText();
        Fixture.awaitImport(api, again, Duration.ofMinutes(5), "validated", "invalid", "failed");
        assertEquals(202, api.post(RW_ADMIN, "tenants/rwanda/imports/" + again + "/commit", null).status());
        JsonNode repeat = Fixture.awaitImport(api, again, Duration.ofMinutes(10), "committed", "failed");
        assertEquals("committed", repeat.path("status").asText(), repeat.toString());
        assertEquals(0, repeat.path("farmersCreated").asInt());
        assertEquals(0, repeat.path("farmersUpdated").asInt());
        assertEquals(0, repeat.path("plotsWritten").asInt());
        assertEquals(FARMERS, db.getCollection("farmers").countDocuments(Filters.regex("externalId",
            "^" + tag + "-")));
      }
    }
  }
}
