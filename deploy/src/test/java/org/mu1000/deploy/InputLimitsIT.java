package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.Fixture.RW_OTHER_COOP_ID;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.Fixture.farmer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inputs the store cannot hold or no farm has: refused before any work, and a refused request changes nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputLimitsIT {
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

  private static String unique() {
    return "Lim" + UUID.randomUUID().toString().substring(0, 6);
  }

  private String newFarmer() {
    Api.Res r = api.post(RW_COOP, "tenants/rwanda/farmers", farmer("Aline", unique(), RW_COOP_ID));
    assertEquals(201, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  private static void assertField(Api.Res r, String field) {
    assertProblem(r, 400);
    assertTrue(r.body().contains("\"field\":\"" + field + "\""), field + " named in " + r.body());
  }

  @Test
  void anImplausiblePlotIsRefusedAndNothingIsStored() {
    String farmer = newFarmer();
    String plots = "tenants/rwanda/farmers/" + farmer + "/plots";
    Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(29.79, -1.64));
    assertField(api.post(RW_COOP, plots, "{\"crop\":\"coffee\",\"geometry\":{\"type\":\"Point\",\"coordinates\":"
        + "[29.79,-1.64]},\"declaredAreaM2\":1e308}"), "declaredAreaM2");
    assertField(api.post(RW_COOP, plots, Map.of("crop", "coffee", "geometry", point, "declaredAreaM2", 20_000_000)),
        "declaredAreaM2");
    assertField(api.post(RW_COOP, plots, Map.of("crop", "coffee", "geometry", Fixture.square(29.7, -1.6, 4000))),
        "geometry");
    assertEquals(0, api.get(RW_COOP, plots).json().size(), "no plot was stored");
    assertEquals(200, api.post(RW_ADMIN, "tenants/rwanda/impact/recompute", Map.of()).status(),
        "the tenant's figures still recompute");

    Map<String, Object> geometry = new HashMap<>(Fixture.square(29.79, -1.64, 50));
    geometry.put("$set", Map.of("a", 1));
    geometry.put("x.y", "z");
    geometry.put("crs", "x".repeat(1_000_000));
    Api.Res ok = api.post(RW_COOP, plots, Map.of("crop", "coffee", "geometry", geometry));
    assertEquals(201, ok.status(), ok.toString().substring(0, Math.min(400, ok.toString().length())));
    JsonNode stored = api.get(RW_COOP, "tenants/rwanda/plots/" + ok.json().path("id").asText()).json();
    List<String> members = new ArrayList<>();
    stored.path("geometry").fieldNames().forEachRemaining(members::add);
    assertEquals(List.of("type", "coordinates"), members, "only GeoJSON's own members are kept");
  }

  @Test
  void aTenantSetsItsLargestPlot() throws Exception {
    String farmer = newFarmer();
    Map<String, Object> point = Map.of("type", "Point", "coordinates", List.of(29.79, -1.64));
    Api.Res before = api.get(Fixture.AGENCY, "platform/tenants/rwanda");
    JsonNode config = before.json().path("config");
    Map<String, Object> smaller = Api.JSON.convertValue(config, Map.class);
    smaller.put("maxPlotAreaHa", 50);
    Api.Res set = api.put(Fixture.AGENCY, "platform/tenants/rwanda", smaller, before.etag());
    assertEquals(200, set.status(), set.toString());
    try {
      assertEquals(50, set.json().path("config").path("maxPlotAreaHa").asInt());
      Api.Res big = api.post(RW_COOP, "tenants/rwanda/farmers/" + farmer + "/plots", Map.of("crop", "coffee",
          "geometry", point, "declaredAreaM2", 600_000));
      assertField(big, "declaredAreaM2");
      assertTrue(big.body().contains("50 ha"), big.body());
      assertEquals(201, api.post(RW_COOP, "tenants/rwanda/farmers/" + farmer + "/plots", Map.of("crop", "coffee",
          "geometry", point, "declaredAreaM2", 400_000)).status());
    } finally {
      Map<String, Object> back = Api.JSON.convertValue(config, Map.class);
      back.remove("maxPlotAreaHa");
      assertEquals(200, api.put(Fixture.AGENCY, "platform/tenants/rwanda", back, set.etag()).status());
    }
  }

  @Test
  void numbersTheStoreCannotHoldExactlyAreRefusedWithTheirFieldAndAShortAnswer() {
    for (String amount : List.of("1E+7000", "12345678901234567890123456789012345", "1E-7000", "1e308")) {
      String body = "{\"givenName\":\"A\",\"familyName\":\"" + unique() + "\",\"sex\":\"female\",\"cooperativeId\":\""
          + RW_COOP_ID + "\",\"householdSize\":5,\"baselineAnnualIncome\":{\"amount\":" + amount
          + ",\"currency\":\"RWF\"},\"consent\":{\"given\":true,\"date\":\"2026-01-15\"}}";
      assertField(api.post(RW_COOP, "tenants/rwanda/farmers", body), "baselineAnnualIncome.amount");
    }
    Api.Res huge = api.post(RW_COOP, "tenants/rwanda/farmers", "{\"givenName\":\"A\",\"familyName\":\"B\","
        + "\"sex\":\"female\",\"cooperativeId\":\"" + RW_COOP_ID + "\",\"householdSize\":5,"
        + "\"baselineAnnualIncome\":{\"amount\":1E+2000000,\"currency\":\"RWF\"}}");
    assertProblem(huge, 400);
    assertTrue(huge.body().length() < 2000, "a short answer: " + huge.body().length() + " bytes");
    Api.Res longText = api.post(RW_COOP, "tenants/rwanda/farmers", "{\"householdSize\":\"" + "9".repeat(5000) + "\"}");
    assertProblem(longText, 400);
    assertFalse(longText.body().contains("9".repeat(100)), "the value is not echoed in full");
  }

  @Test
  void everyDecimalOfEveryRequestIsHeldToTheSameRule() {
    String t = "tenants/rwanda/";
    String p = "rw-coffee-2026";
    String huge = "1E+7000";
    String[][] calls = {
        {t + "programmes", "{\"name\":\"x\",\"commodity\":\"y\",\"targetUsdPerMu\":" + huge + "}", "targetUsdPerMu"},
        {t + "orders", "{\"number\":\"PO-x\",\"programmeId\":\"" + p + "\",\"buyer\":{\"name\":\"B\"},"
            + "\"lines\":[{\"commodity\":\"coffee cherry\",\"grade\":\"A\",\"quantityKg\":" + huge
            + ",\"pricePerKg\":1,\"deliveryFrom\":\"2026-06-01\"}]}", "lines[0].quantityKg"},
        {t + "intakes", "{\"farmerId\":\"f\",\"plotId\":\"p\",\"harvestDate\":\"2026-05-10\",\"grossKg\":"
            + "0.000000001}", "grossKg"},
        {t + "transformations", "{\"kind\":\"blending\",\"inputLotIds\":[\"a\"],\"outputs\":[{\"commodity\":"
            + "\"c\",\"grade\":\"A\",\"kg\":" + huge + "}]}", "outputs[0].kg"},
        {t + "programmes/" + p + "/grade-preview", "{\"measurements\":{\"ripe\":" + huge + "}}", "measurements.ripe"},
        {t + "orders/x/plan", "{\"yieldKgPerMu\":12345678901234567890123456789012345}", "yieldKgPerMu"}};
    for (String[] c : calls) {
      Api.Res r = api.post(RW_ADMIN, c[0], c[1]);
      assertField(r, c[2]);
    }
  }

  @Test
  void namesArePlainTextHarvestsFallInTheirSeasonAndAStandardGradesItsProgrammesCommodity() {
    Map<String, Object> f = new HashMap<>(farmer("Ali\u202Ece", unique(), RW_COOP_ID));
    assertField(api.post(RW_COOP, "tenants/rwanda/farmers", f), "givenName");
    f.put("givenName", "Ali\u0007ce");
    assertField(api.post(RW_COOP, "tenants/rwanda/farmers", f), "givenName");

    JsonNode grower = api.get(Fixture.RW_AGENT, "tenants/rwanda/farmers?size=1&programmeId=rw-coffee-2026&cooperativeId="
        + RW_COOP_ID).json().path("items").get(0);
    String plot = api.get(Fixture.RW_AGENT, "tenants/rwanda/farmers/" + grower.path("id").asText() + "/plots").json()
        .get(0).path("id").asText();
    Api.Res early = api.post(Fixture.RW_AGENT, "tenants/rwanda/intakes", Map.of("farmerId", grower.path("id").asText(),
        "plotId", plot, "programmeId", "rw-coffee-2026", "harvestDate", "2026-01-10", "grossKg", 10));
    assertField(early, "harvestDate");
    assertTrue(early.body().contains("season"), early.body());
    Api.Res future = api.post(Fixture.RW_AGENT, "tenants/rwanda/intakes", Map.of("farmerId", grower.path("id").asText(),
        "plotId", plot, "programmeId", "rw-coffee-2026", "harvestDate", java.time.LocalDate.now().plusDays(2).toString(),
        "grossKg", 10));
    assertField(future, "harvestDate");

    JsonNode standard = api.get(RW_ADMIN, "tenants/rwanda/programmes/rw-coffee-2026/grading-standards/current").json();
    Map<String, Object> other = Api.JSON.convertValue(standard, Map.class);
    other.keySet().retainAll(List.of("commodity", "measures", "grades"));
    other.put("commodity", "sesame");
    assertField(api.post(RW_ADMIN, "tenants/rwanda/programmes/rw-coffee-2026/grading-standards", other), "commodity");
    assertEquals(standard.path("version").asInt(), api.get(RW_ADMIN,
        "tenants/rwanda/programmes/rw-coffee-2026/grading-standards/current").json().path("version").asInt());
  }

  @Test
  void webhooksMayNotReachInternalAddresses() {
    for (String target : List.of("http://127.0.0.1:27117/", "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.8/hook", "http://[::1]:8080/")) {
      assertField(api.post(RW_ADMIN, "tenants/rwanda/webhooks", Map.of("url", target, "secret",
          "sixteen-chars-secret", "eventTypes", List.of("farmer.created"))), "url");
    }
  }

  @Test
  void aCorrectionThatCannotBeStoredLeavesTheLotAndItsTrailAsTheyWere() {
    JsonNode lot = null;
    for (String status : List.of("stored", "collected")) {
      JsonNode items = api.get(RW_ADMIN, "tenants/rwanda/lots?size=50&status=" + status).json().path("items");
      for (JsonNode l : items) {
        if (l.path("orderId").isMissingNode() || l.path("orderId").isNull()) {
          lot = l;
          break;
        }
      }
      if (lot != null) {
        break;
      }
    }
    assertTrue(lot != null, "the demo tenant has harvest lots");
    String path = "tenants/rwanda/lots/" + lot.path("id").asText();
    Api.Res before = api.get(RW_ADMIN, path);
    long audits = api.get(RW_ADMIN, "tenants/rwanda/audit?size=200").json().path("items").size();
    assertField(api.send(RW_ADMIN, "POST", path + "/corrections", "{\"kg\":1e308,\"reason\":\"probe\"}",
        before.etag(), null), "kg");
    assertField(api.send(RW_ADMIN, "POST", path + "/corrections", "{\"kg\":1E-7000,\"reason\":\"probe\"}",
        before.etag(), null), "kg");
    Api.Res after = api.get(RW_ADMIN, path);
    assertEquals(before.body(), after.body(), "the lot is unchanged");
    assertEquals(before.etag(), after.etag());
    assertEquals(audits, api.get(RW_ADMIN, "tenants/rwanda/audit?size=200").json().path("items").size());
    assertEquals(before.json().path("kg").asText(), api.get(null, "trace/" + before.json().path("gtin").asText()
        + "/" + before.json().path("code").asText()).json().path("kg").asText(""), "the trace page too");
  }

  @Test
  void aCommitThatStopsSaysExactlyWhichRowsWereWrittenAndARunAgainNeverDuplicates() throws Exception {
    String tag = unique();
    Api.Res p = api.post(RW_ADMIN, "tenants/rwanda/programmes", Map.of("name", "Import probe " + tag,
        "commodity", "coffee", "seasonStart", "2026-01-01", "seasonEnd", "2026-12-31", "targetUsdPerMu", 1000));
    assertEquals(201, p.status(), p.toString());
    String programme = p.json().path("id").asText();
    List<String> header = new ArrayList<>(TenantsAndImportIT.HEADER);
    header.add("programme_ids");
    List<List<String>> rows = new ArrayList<>(List.of(header));
    for (int i = 1; i <= 3; i++) {
      List<String> r = new ArrayList<>(TenantsAndImportIT.row(tag + "-" + i, "Rose", tag, "+25078222222" + i));
      r.add(i == 3 ? programme : "");
      rows.add(r);
    }
    JsonNode job = upload(Sheets.csv(rows));
    assertEquals("validated", job.path("status").asText(), job.toString());
    // the programme goes between the dry run and the commit: row 4's farmer can no longer be written
    assertEquals(204, api.delete(RW_ADMIN, "tenants/rwanda/programmes/" + programme, p.etag()).status());

    JsonNode failed = commit(job.path("id").asText());
    assertEquals("failed", failed.path("status").asText(), failed.toString());
    assertEquals(2, failed.path("processedRows").asInt(), failed.toString());
    assertEquals(2, failed.path("farmersCreated").asInt(), failed.toString());
    String told = failed.path("problems").toString();
    assertTrue(told.contains("stopped at row 4") && told.contains("2 row(s) before it were written"), told);
    assertEquals(2, api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json().path("total").asInt());

    JsonNode again = commit(job.path("id").asText());
    assertEquals("failed", again.path("status").asText(), again.toString());
    // committing again goes on from row 4: the job's counts are still those of the two rows written before
    assertEquals(2, again.path("farmersCreated").asInt(), "rows written before are not written twice");
    assertEquals(2, again.path("processedRows").asInt(), again.toString());
    assertEquals(2, api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json().path("total").asInt());

    rows.get(3).set(rows.get(3).size() - 1, "");
    JsonNode fixed = commit(upload(Sheets.csv(rows)).path("id").asText());
    assertEquals("committed", fixed.path("status").asText(), fixed.toString());
    assertEquals(1, fixed.path("farmersCreated").asInt(), "only the row not written before");
    assertEquals(3, api.get(RW_ADMIN, "tenants/rwanda/farmers?namePrefix=" + tag).json().path("total").asInt());
  }

  private JsonNode upload(byte[] file) throws InterruptedException {
    Api.Res r = api.raw(RW_ADMIN, "POST", "tenants/rwanda/imports?cooperativeId=" + RW_OTHER_COOP_ID
        + "&format=csv&fileName=farmers.csv", "application/octet-stream", file);
    assertEquals(202, r.status(), r.toString());
    return await(r.json().path("id").asText(), "validated", "invalid", "failed");
  }

  private JsonNode commit(String id) throws InterruptedException {
    Api.Res r = api.post(RW_ADMIN, "tenants/rwanda/imports/" + id + "/commit", null);
    assertEquals(202, r.status(), r.toString());
    return await(id, "committed", "failed");
  }

  private JsonNode await(String id, String... done) throws InterruptedException {
    return Fixture.awaitImport(api, id, Duration.ofMinutes(3), done);
  }
}
