package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.AGENCY;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenants as an aid agency runs them (create, export, two-step delete), users, and bulk import of farmers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantsAndImportIT {
  static final List<String> HEADER = List.of("external_id", "given_name", "family_name", "sex", "birth_year",
      "household_size", "msisdn", "national_id", "baseline_annual_income", "consent_given", "consent_date",
      "plot_crop", "plot_latitude", "plot_longitude", "plot_area_m2");

  @ArquillianResource
  URL url;

  Api api;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
  }

  static Map<String, Object> config(String id) {
    return Map.of("id", id, "name", "Test project " + id, "country", "KE", "currency", "KES", "areaUnit", "acre",
        "languages", List.of("sw", "en"), "timezone", "Africa/Nairobi", "povertyLine", 330,
        "fxRates", List.of(Map.of("date", "2026-01-01", "rate", 129.3)));
  }

  @Test
  void anAgencyCreatesExportsAndDeletesATenantInTwoSteps() throws Exception {
    String id = "t" + UUID.randomUUID().toString().substring(0, 6);
    Api.Res bad = api.post(AGENCY, "platform/tenants", Map.of("config", Map.of("id", id, "name", "x", "country", "XX",
        "currency", "EUROS", "areaUnit", "mu", "languages", List.of("en"), "timezone", "Mars/Olympus",
        "povertyLine", -1)));
    assertProblem(bad, 400);
    assertProblem(api.get(AGENCY, "platform/tenants/" + id), 404);

    Api.Res created = api.post(AGENCY, "platform/tenants", Map.of("config", config(id)));
    assertEquals(201, created.status(), created.toString());
    assertEquals("active", created.json().path("status").asText());
    assertTrue(created.json().path("provisioning").toString().contains("database"));
    assertTrue(created.json().path("provisioning").toString().contains("identity"));
    assertProblem(api.post(AGENCY, "platform/tenants", Map.of("config", config(id))), 409);
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/provision", null).status(), "provisioning again is harmless");

    Map<String, Object> changed = new java.util.HashMap<>(config(id));
    changed.put("povertyLine", 350);
    assertProblem(api.put(AGENCY, "platform/tenants/" + id, changed, "\"0\""), 412);
    Api.Res updated = api.put(AGENCY, "platform/tenants/" + id, changed, created.etag());
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(350, updated.json().path("config").path("povertyLine").asInt());

    assertEquals(201, api.post(AGENCY, "tenants/" + id + "/cooperatives", Map.of("name", "Kiambu Dairy")).status());
    Api.Res export = api.get(AGENCY, "platform/tenants/" + id + "/export");
    assertEquals(200, export.status());
    assertEquals("application/zip", export.contentType());
    Set<String> entries = new HashSet<>();
    String coops = "";
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(export.bytes()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.add(e.getName());
        if (e.getName().equals("cooperatives.jsonl")) {
          coops = new String(zip.readAllBytes());
        }
      }
    }
    assertTrue(entries.containsAll(List.of("tenant.json", "cooperatives.jsonl", "audit.jsonl")), entries.toString());
    assertTrue(coops.contains("Kiambu Dairy"));

    JsonNode request = api.post(AGENCY, "platform/tenants/" + id + "/deletion", null).json();
    String code = request.path("confirmation").asText();
    assertProblem(api.get(AGENCY, "tenants/" + id + "/cooperatives"), 403);
    assertProblem(api.delete(AGENCY, "platform/tenants/" + id + "?confirmation=wrong", null), 400);
    assertEquals(200, api.get(AGENCY, "platform/tenants/" + id).status(), "nothing dropped on a wrong code");
    assertEquals(204, api.delete(AGENCY, "platform/tenants/" + id + "?confirmation=" + code, null).status());
    assertProblem(api.get(AGENCY, "platform/tenants/" + id), 404);
    JsonNode audit = api.get(AGENCY, "platform/tenants/" + id + "/audit").json();
    assertEquals("tenant.deleted", audit.path("items").get(0).path("action").asText(), "the trail outlives the tenant");
  }

  @Test
  void aSuspendedTenantIsRestoredFromItsExportAndMovesToAMongoDbOfItsOwnAndBack() throws Exception {
    String id = "t" + UUID.randomUUID().toString().substring(0, 6);
    assertEquals(201, api.post(AGENCY, "platform/tenants", Map.of("config", config(id))).status());
    String coop = api.post(AGENCY, "tenants/" + id + "/cooperatives", Map.of("name", "Before")).json().path("id")
        .asText();
    Map<String, Object> farmer = new java.util.HashMap<>(Fixture.farmer("Wanjiru", "Kamau", coop));
    farmer.put("baselineAnnualIncome", Map.of("amount", 98765.43, "currency", "KES"));
    Api.Res created = api.post(AGENCY, "tenants/" + id + "/farmers", farmer);
    assertEquals(201, created.status(), created.toString());
    String farmerPath = "tenants/" + id + "/farmers/" + created.json().path("id").asText();
    byte[] backup = api.get(AGENCY, "platform/tenants/" + id + "/export").bytes();

    assertEquals(201, api.post(AGENCY, "tenants/" + id + "/cooperatives", Map.of("name", "After")).status());
    Api.Res farmerBefore = api.get(AGENCY, farmerPath);
    assertEquals(204, api.delete(AGENCY, farmerPath, farmerBefore.etag()).status());
    assertProblem(api.get(AGENCY, farmerPath), 404);
    String restore = "platform/tenants/" + id + "/restore";
    assertProblem(api.raw(AGENCY, "POST", restore, "application/zip", backup), 409);
    assertProblem(api.raw(RW_ADMIN, "POST", restore, "application/zip", backup), 403);
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/suspend", Map.of("reason", "restore")).status());
    assertProblem(api.raw(AGENCY, "POST", restore, "application/zip", "no zip".getBytes()), 400);
    byte[] rwanda = api.get(AGENCY, "platform/tenants/rwanda/export").bytes();
    assertProblem(api.raw(AGENCY, "POST", restore, "application/zip", rwanda), 422);
    assertProblem(api.get(AGENCY, "tenants/" + id + "/cooperatives"), 403);
    try (com.mongodb.client.MongoClient shared = com.mongodb.client.MongoClients.create(Deployments.mongoUri())) {
      assertEquals(2, shared.getDatabase("mu1000_" + id).getCollection("cooperatives").countDocuments(),
          "a refused restore wrote nothing");
    }

    Api.Res restored = api.raw(AGENCY, "POST", restore, "application/zip", backup);
    assertEquals(200, restored.status(), restored.toString());
    assertTrue(restored.body().contains("{\"collection\":\"cooperatives\",\"documents\":1}"), restored.body());
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/resume", null).status());
    assertEquals(List.of("Before"), names(api, AGENCY, id), "the cooperative made after the backup is gone");
    Api.Res farmerBack = api.get(AGENCY, farmerPath);
    assertEquals(200, farmerBack.status(), "the farmer deleted after the backup is back");
    assertEquals("98765.43", farmerBack.json().path("baselineAnnualIncome").path("amount").decimalValue()
        .toPlainString());

    String own = org.mu1000.localmongo.LocalMongo.another(null);
    String move = "platform/tenants/" + id + "/move";
    assertProblem(api.post(AGENCY, move, Map.of("mongoUri", own)), 409);
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/suspend", Map.of("reason", "move")).status());
    assertProblem(api.post(AGENCY, move, Map.of("mongoUri", "http://elsewhere")), 400);
    Api.Res moved = api.post(AGENCY, move, Map.of("mongoUri", own, "dropSource", true));
    assertEquals(200, moved.status(), moved.toString());
    assertTrue(moved.json().path("tenant").path("dedicatedDatabase").asBoolean());
    assertTrue(moved.json().path("sourceDropped").asBoolean());
    assertTrue(!moved.body().contains(own), "the address is never returned: " + moved.body());
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/resume", null).status());
    assertEquals(201, api.post(AGENCY, "tenants/" + id + "/cooperatives", Map.of("name", "There")).status());
    assertEquals(List.of("Before", "There"), names(api, AGENCY, id));
    String db = "mu1000_" + id;
    try (com.mongodb.client.MongoClient there = com.mongodb.client.MongoClients.create(own);
        com.mongodb.client.MongoClient shared = com.mongodb.client.MongoClients.create(Deployments.mongoUri())) {
      assertEquals(2, there.getDatabase(db).getCollection("cooperatives").countDocuments(), "written over there");
      assertEquals(1, there.getDatabase(db).getCollection("farmers").countDocuments());
      assertEquals(0, shared.getDatabase(db).getCollection("cooperatives").countDocuments(), "the source dropped");
    }

    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/suspend", Map.of("reason", "back")).status());
    Api.Res back = api.post(AGENCY, move, Map.of("mongoUri", ""));
    assertEquals(200, back.status(), back.toString());
    assertTrue(!back.json().path("tenant").path("dedicatedDatabase").asBoolean());
    assertEquals(200, api.post(AGENCY, "platform/tenants/" + id + "/resume", null).status());
    assertEquals(List.of("Before", "There"), names(api, AGENCY, id));
    String actions = api.get(AGENCY, "platform/tenants/" + id + "/audit?size=50").body();
    assertTrue(actions.contains("tenant.restored") && actions.contains("tenant.moved"), actions);
  }

  static List<String> names(Api api, String user, String tenant) {
    List<String> names = new ArrayList<>();
    api.get(user, "tenants/" + tenant + "/cooperatives").json().forEach(c -> names.add(c.path("name").asText()));
    return names.stream().sorted().toList();
  }

  @Test
  void aTenantAdminInvitesAUserAndChangesTheirRoleAndScope() {
    String name = "rwanda.agent" + UUID.randomUUID().toString().substring(0, 5);
    Api.Res invited = api.post(RW_ADMIN, "tenants/rwanda/users", Map.of("username", name, "email", name + "@example.org",
        "firstName", "Eric", "lastName", "Mugisha", "role", "field-agent", "cooperativeIds", List.of(Fixture.RW_COOP_ID),
        "temporaryPassword", "change-me-123"));
    assertEquals(201, invited.status(), invited.toString());
    assertEquals(List.of("field-agent"), Api.JSON.convertValue(invited.json().path("roles"), List.class));
    String id = invited.json().path("id").asText();
    assertProblem(api.post(RW_ADMIN, "tenants/rwanda/users", Map.of("username", name + "x", "email", "a@b.org",
        "role", "platform-admin")), 400);
    assertProblem(api.post(RW_ADMIN, "tenants/rwanda/users", Map.of("username", name + "y", "email", "c@d.org",
        "role", "field-agent", "cooperativeIds", List.of("no-such-coop"))), 400);
    assertProblem(api.get(RW_COOP, "tenants/rwanda/users"), 403);
    Api.Res changed = api.put(RW_ADMIN, "tenants/rwanda/users/" + id, Map.of("role", "coop-manager",
        "cooperativeIds", List.of(Fixture.RW_OTHER_COOP_ID)), null);
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("coop-manager", changed.json().path("roles").get(0).asText());
    assertEquals(Fixture.RW_OTHER_COOP_ID, changed.json().path("cooperativeIds").get(0).asText());
    assertTrue(api.get(RW_ADMIN, "tenants/rwanda/users").body().contains(name));
    assertProblem(api.put(Fixture.ET_ADMIN, "tenants/ethiopia/users/" + id, Map.of("enabled", false), null), 404);
  }

  private JsonNode awaitJob(String id, String... done) throws InterruptedException {
    return Fixture.awaitImport(api, id, Duration.ofMinutes(5), done);
  }

  private JsonNode upload(String format, byte[] file) throws InterruptedException {
    Api.Res r = api.raw(RW_ADMIN, "POST", "tenants/rwanda/imports?cooperativeId=" + Fixture.RW_OTHER_COOP_ID
        + "&format=" + format + "&fileName=farmers." + format, "application/octet-stream", file);
    assertEquals(202, r.status(), r.toString());
    return awaitJob(r.json().path("id").asText(), "validated", "invalid", "failed");
  }

  private JsonNode commit(JsonNode job) throws InterruptedException {
    Api.Res r = api.post(RW_ADMIN, "tenants/rwanda/imports/" + job.path("id").asText() + "/commit", null);
    assertEquals(202, r.status(), r.toString());
    return awaitJob(job.path("id").asText(), "committed", "failed");
  }

  static List<String> row(String ext, String given, String family, String msisdn) {
    return List.of(ext, given, family, "F", "1979", "6", msisdn, "", "350000", "yes", "2026-02-01", "coffee",
        "-1.95", "29.33", "2400");
  }

  @Test
  void anImportIsCheckedThenWrittenAndAReimportNeverDuplicates() throws Exception {
    String tag = "Imp" + UUID.randomUUID().toString().substring(0, 6);
    List<List<String>> rows = new ArrayList<>(List.of(HEADER));
    rows.add(row(tag + "-1", "Marie", tag, "+250781111111"));
    rows.add(row(tag + "-2", "Jeanne", tag, "0781"));
    rows.add(List.of(tag + "-3", "Paul", tag, "X", "nineteen", "6", "+250781111113", "", "", "", "", "", "", "", ""));
    JsonNode dry = upload("csv", Sheets.csv(rows));
    assertEquals("invalid", dry.path("status").asText(), dry.toString());
    List<String> problems = new ArrayList<>();
    dry.path("problems").forEach(p -> problems.add(p.path("row").asInt() + ":" + p.path("column").asText()));
    assertTrue(problems.containsAll(List.of("3:msisdn", "4:sex", "4:birth_year")), problems.toString());
    assertProblem(api.post(RW_ADMIN, "tenants/rwanda/imports/" + dry.path("id").asText() + "/commit", null), 409);
    assertEquals(0, api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json().path("total").asInt(),
        "a dry run writes nothing");

    rows.set(2, row(tag + "-2", "Jeanne", tag, "+250781111112"));
    rows.set(3, row(tag + "-3", "Paul", tag, "+250781111113"));
    rows.add(row(tag + "-3", "Paul", tag, "+250781111113"));
    JsonNode ok = upload("csv", Sheets.csv(rows));
    assertEquals("validated", ok.path("status").asText(), ok.toString());
    JsonNode done = commit(ok);
    assertEquals("committed", done.path("status").asText(), done.toString());
    assertEquals(3, done.path("farmersCreated").asInt());
    assertEquals(4, done.path("plotsWritten").asInt());
    JsonNode listed = api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json();
    assertEquals(3, listed.path("total").asInt());
    String paul = "";
    for (JsonNode f : listed.path("items")) {
      if (f.path("givenName").asText().equals("Paul")) {
        paul = f.path("id").asText();
      }
    }
    assertEquals(2, api.get(RW_ADMIN, "tenants/rwanda/farmers/" + paul + "/plots").json().size());

    JsonNode again = commit(upload("xlsx", Sheets.xlsx(rows)));
    assertEquals("committed", again.path("status").asText(), again.toString());
    assertEquals(0, again.path("farmersCreated").asInt());
    assertEquals(0, again.path("farmersUpdated").asInt());
    assertEquals(0, again.path("plotsWritten").asInt());
    assertEquals(3, api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json().path("total").asInt());

    rows.set(1, List.of(tag + "-1", "Marie", tag, "F", "1979", "7", "+250781111111", "", "350000", "yes",
        "2026-02-01", "coffee", "-1.95", "29.33", "2400"));
    JsonNode update = commit(upload("csv", Sheets.csv(rows)));
    assertEquals(1, update.path("farmersUpdated").asInt(), update.toString());
    assertEquals(0, update.path("farmersCreated").asInt());
  }

  @Test
  void aTenThousandRowFileImportsWithVisibleProgress() throws Exception {
    String tag = "Big" + UUID.randomUUID().toString().substring(0, 6);
    List<List<String>> rows = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 10_000; i++) {
      rows.add(row(tag + "-" + i, "Grace", tag, "+2507" + String.format("%08d", i)));
    }
    long t0 = System.nanoTime();
    JsonNode dry = upload("csv", Sheets.csv(rows));
    long t1 = System.nanoTime();
    assertEquals("validated", dry.path("status").asText(), dry.path("problems").toString());
    assertEquals(10_000, dry.path("totalRows").asInt());
    Api.Res start = api.post(RW_ADMIN, "tenants/rwanda/imports/" + dry.path("id").asText() + "/commit", null);
    int progressSeen = 0;
    JsonNode job;
    do {
      Thread.sleep(100);
      job = api.get(RW_ADMIN, "tenants/rwanda/imports/" + start.json().path("id").asText()).json();
      int p = job.path("processedRows").asInt();
      if (job.path("status").asText().equals("committing") && p > 0 && p < 10_000) {
        progressSeen++;
      }
    } while (job.path("status").asText().equals("committing") && System.nanoTime() - t1 < Duration.ofMinutes(10).toNanos());
    long t2 = System.nanoTime();
    assertEquals("committed", job.path("status").asText(), job.toString());
    assertEquals(10_000, job.path("farmersCreated").asInt());
    assertTrue(progressSeen > 0, "progress was visible while it ran");
    assertEquals(10_000, api.get(RW_ADMIN, "tenants/rwanda/farmers?size=1&namePrefix=" + tag).json().path("total").asInt());
    System.out.printf("import-10k-dry-run: %.1f s%nimport-10k-commit: %.1f s (%.0f rows/s)%n", (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, 10_000 / ((t2 - t1) / 1e9));
  }
}
