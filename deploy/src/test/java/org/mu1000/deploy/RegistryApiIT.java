package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.AGENCY;
import static org.mu1000.deploy.Fixture.DONOR;
import static org.mu1000.deploy.Fixture.ET_ADMIN;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_AGENT;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.Fixture.RW_OTHER_COOP_ID;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.Fixture.farmer;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
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
import org.mu1000.integrations.webhooks.WebhookSandbox;

/** The registry API on Payara Micro with real Keycloak tokens: CRUD, concurrency, tenancy, roles, errors, webhooks. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistryApiIT {
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

  private String unique() {
    return "Zz" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode createFarmer(String user, String family, String coop) {
    Api.Res r = api.post(user, "tenants/rwanda/farmers", farmer("Uwase", family, coop));
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  @Test
  void aCoopManagerRegistersAFarmerAndFindsItInTheList() {
    String family = unique();
    JsonNode f = createFarmer(RW_COOP, family, RW_COOP_ID);
    assertEquals("1980", f.path("birthYear").asText());
    assertEquals("5012", f.path("nationalIdLast4").asText(), "only the last 4 characters come back");
    assertFalse(f.has("nationalId"));
    Api.Res list = api.get(RW_COOP, "tenants/rwanda/farmers?namePrefix=" + family.toLowerCase());
    assertEquals(200, list.status(), list.toString());
    assertEquals(1, list.json().path("total").asInt());
    assertEquals(f.path("id").asText(), list.json().path("items").get(0).path("id").asText());
    Api.Res one = api.get(RW_COOP, "tenants/rwanda/farmers/" + f.path("id").asText());
    assertEquals("\"1\"", one.etag());
  }

  @Test
  void listsPageWithTotalsAndFilter() {
    Api.Res page0 = api.get(RW_ADMIN, "tenants/rwanda/farmers?size=7&page=0&sort=familyName,asc&cooperativeId="
        + RW_OTHER_COOP_ID);
    Api.Res page1 = api.get(RW_ADMIN, "tenants/rwanda/farmers?size=7&page=1&sort=familyName,asc&cooperativeId="
        + RW_OTHER_COOP_ID);
    assertEquals(7, page0.json().path("items").size());
    assertEquals(page0.json().path("total").asLong(), page1.json().path("total").asLong());
    assertTrue(page0.json().path("total").asLong() > 14);
    String last0 = page0.json().path("items").get(6).path("familyName").asText();
    String first1 = page1.json().path("items").get(0).path("familyName").asText();
    assertTrue(last0.compareTo(first1) <= 0, last0 + " then " + first1);
    for (JsonNode f : page0.json().path("items")) {
      assertEquals(RW_OTHER_COOP_ID, f.path("cooperativeId").asText());
    }
    Api.Res women = api.get(RW_ADMIN, "tenants/rwanda/farmers?size=500&sex=female");
    for (JsonNode f : women.json().path("items")) {
      assertEquals("female", f.path("sex").asText());
    }
    assertProblem(api.get(RW_ADMIN, "tenants/rwanda/farmers?sort=nationalIdHash"), 400);
  }

  @Test
  void plotsGetAGeodesicAreaShownInTheTenantUnitAndBadShapesAreRefused() {
    String id = createFarmer(RW_COOP, unique(), RW_COOP_ID).path("id").asText();
    Api.Res ok = api.post(RW_COOP, "tenants/rwanda/farmers/" + id + "/plots",
        Map.of("crop", "coffee", "plantingYear", 2015, "geometry", Fixture.square(29.79, -1.64, 100)));
    assertEquals(201, ok.status(), ok.toString());
    double m2 = ok.json().path("areaM2").asDouble();
    assertTrue(Math.abs(m2 - 10_000) < 60, "a 100 m square is about 10 000 m², got " + m2);
    assertEquals("ha", ok.json().path("area").path("unit").asText());
    assertEquals(m2 / 10_000, ok.json().path("area").path("value").asDouble(), 0.0001);

    Map<String, Object> bowtie = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(29.0, -1.0),
        List.of(29.001, -1.001), List.of(29.001, -1.0), List.of(29.0, -1.001), List.of(29.0, -1.0))));
    Api.Res bad = api.post(RW_COOP, "tenants/rwanda/farmers/" + id + "/plots", Map.of("crop", "coffee", "geometry", bowtie));
    assertProblem(bad, 400);
    assertEquals("geometry.coordinates[0]", bad.json().path("errors").get(0).path("field").asText(), bad.body());
    assertTrue(bad.json().path("errors").get(0).path("message").asText().contains("intersects itself"));

    Api.Res point = api.post(RW_COOP, "tenants/rwanda/farmers/" + id + "/plots",
        Map.of("crop", "coffee", "geometry", Map.of("type", "Point", "coordinates", List.of(29.79, -1.64))));
    assertProblem(point, 400);
    assertEquals("declaredAreaM2", point.json().path("errors").get(0).path("field").asText());

    Api.Res open = api.post(RW_COOP, "tenants/rwanda/farmers/" + id + "/plots", Map.of("crop", "coffee", "geometry",
        Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(29.0, -1.0), List.of(29.001, -1.0),
            List.of(29.001, -1.001), List.of(29.0, -1.002))))));
    assertProblem(open, 400);
    assertEquals(1, api.get(RW_COOP, "tenants/rwanda/farmers/" + id + "/plots").json().size(),
        "refused plots leave nothing behind");
  }

  @Test
  void concurrentUpdatesAreRefusedWith412AndAVersionIsRequired() {
    JsonNode f = createFarmer(RW_COOP, unique(), RW_COOP_ID);
    String path = "tenants/rwanda/farmers/" + f.path("id").asText();
    Map<String, Object> change = new HashMap<>(farmer("Uwase", f.path("familyName").asText(), RW_COOP_ID));
    change.put("householdSize", 7);
    Api.Res first = api.put(RW_COOP, path, change, "\"1\"");
    assertEquals(200, first.status(), first.toString());
    assertEquals("\"2\"", first.etag());
    assertEquals(7, first.json().path("householdSize").asInt());
    assertProblem(api.put(RW_COOP, path, change, "\"1\""), 412);
    assertProblem(api.put(RW_COOP, path, change, null), 428);
    assertEquals(7, api.get(RW_COOP, path).json().path("householdSize").asInt());
  }

  @Test
  void deletesAreSoftAndEveryWriteIsAudited() {
    JsonNode f = createFarmer(RW_COOP, unique(), RW_COOP_ID);
    String path = "tenants/rwanda/farmers/" + f.path("id").asText();
    assertProblem(api.delete(RW_AGENT, path, "\"1\""), 403);
    assertEquals(204, api.delete(RW_COOP, path, "\"1\"").status());
    assertProblem(api.get(RW_COOP, path), 404);
    JsonNode audit = api.get(RW_ADMIN, "tenants/rwanda/audit?entityType=farmer&entityId=" + f.path("id").asText())
        .json();
    assertEquals(2, audit.path("total").asInt(), audit.toString());
    JsonNode deleted = audit.path("items").get(0);
    assertEquals("farmer.deleted", deleted.path("action").asText());
    assertEquals(RW_COOP, deleted.path("actor").asText());
    assertEquals(f.path("familyName").asText(), deleted.path("before").path("familyName").asText());
    assertFalse(audit.toString().contains("pbkdf2"), "no national-id hash in the trail");
    assertProblem(api.get(RW_COOP, "tenants/rwanda/audit"), 403);
  }

  @Test
  void anotherTenantsTokenLearnsNothingOnAnyTenantEndpoint() {
    String farmerId = createFarmer(RW_ADMIN, unique(), RW_COOP_ID).path("id").asText();
    List<String[]> calls = List.of(
        new String[] {"GET", "farmers"}, new String[] {"POST", "farmers"}, new String[] {"GET", "farmers/" + farmerId},
        new String[] {"PUT", "farmers/" + farmerId}, new String[] {"DELETE", "farmers/" + farmerId},
        new String[] {"GET", "farmers/" + farmerId + "/plots"}, new String[] {"POST", "farmers/" + farmerId + "/plots"},
        new String[] {"GET", "plots/x"}, new String[] {"PUT", "plots/x"}, new String[] {"DELETE", "plots/x"},
        new String[] {"GET", "cooperatives"}, new String[] {"POST", "cooperatives"},
        new String[] {"GET", "cooperatives/" + RW_COOP_ID}, new String[] {"PUT", "cooperatives/" + RW_COOP_ID},
        new String[] {"DELETE", "cooperatives/" + RW_COOP_ID}, new String[] {"GET", "programmes"},
        new String[] {"POST", "programmes"}, new String[] {"GET", "programmes/x"}, new String[] {"PUT", "programmes/x"},
        new String[] {"DELETE", "programmes/x"}, new String[] {"POST", "imports?cooperativeId=x&format=csv"},
        new String[] {"GET", "imports/x"}, new String[] {"POST", "imports/x/commit"}, new String[] {"GET", "users"},
        new String[] {"POST", "users"}, new String[] {"PUT", "users/x"}, new String[] {"GET", "webhooks"},
        new String[] {"POST", "webhooks"}, new String[] {"DELETE", "webhooks/x"}, new String[] {"GET", "dead-letters"},
        new String[] {"POST", "dead-letters/x/replay"}, new String[] {"GET", "audit"}, new String[] {"GET", "settings"});
    String missing = api.get(ET_ADMIN, "tenants/nowhere/farmers").body().replace("nowhere", "rwanda");
    for (String[] c : calls) {
      Object body = c[0].equals("POST") || c[0].equals("PUT") ? "{}" : null;
      Api.Res r = api.send(ET_ADMIN, c[0], "tenants/rwanda/" + c[1], body, "\"1\"", null);
      assertProblem(r, 404);
      assertEquals(missing, r.body(), "same answer as a tenant that does not exist: " + c[0] + " " + c[1]);
    }
    assertEquals(200, api.get(RW_ADMIN, "tenants/rwanda/farmers/" + farmerId).status(), "nothing was changed");
    Api.Res anonymous = api.get(null, "tenants/rwanda/farmers");
    assertProblem(anonymous, 401);
    Api.Res otherClient = api.get("Bearer " + Api.token("admin-cli", RW_ADMIN, "openid organization:*"),
        "tenants/rwanda/farmers");
    assertProblem(otherClient, 401);
    assertTrue(otherClient.json().path("detail").asText().contains("admin-cli"), otherClient.body());
    // memberships and roles come from the identity provider, not from what the token was asked to carry
    assertEquals(200, api.get("Bearer " + Api.token(RW_ADMIN, "openid"), "tenants/rwanda/farmers").status());
    assertProblem(api.get("Bearer " + Api.token(RW_ADMIN, "openid"), "tenants/ethiopia/farmers"), 404);
    assertProblem(api.get(RW_ADMIN, "platform/tenants"), 403);
    assertProblem(api.get(DONOR, "tenants/rwanda/farmers?size=1"), 403);
    assertEquals(200, api.get(DONOR, "tenants/rwanda/programmes").status());
    assertEquals(200, api.get(DONOR, "tenants/ethiopia/programmes").status());
    assertProblem(api.post(DONOR, "tenants/rwanda/farmers", farmer("A", "B", RW_COOP_ID)), 403);
  }

  @Test
  void aCoopScopedUserSeesAndChangesOnlyTheirCooperative() {
    JsonNode mine = api.get(RW_COOP, "tenants/rwanda/farmers?size=500").json();
    assertTrue(mine.path("total").asInt() > 0);
    for (JsonNode f : mine.path("items")) {
      assertEquals(RW_COOP_ID, f.path("cooperativeId").asText());
    }
    JsonNode other = api.get(RW_ADMIN, "tenants/rwanda/farmers?size=1&cooperativeId=" + RW_OTHER_COOP_ID).json()
        .path("items").get(0);
    assertProblem(api.get(RW_COOP, "tenants/rwanda/farmers/" + other.path("id").asText()), 404);
    assertProblem(api.post(RW_COOP, "tenants/rwanda/farmers", farmer("A", unique(), RW_OTHER_COOP_ID)), 403);
    assertEquals(1, api.get(RW_COOP, "tenants/rwanda/cooperatives").json().size());
    assertEquals(0, api.get(RW_COOP, "tenants/rwanda/farmers?cooperativeId=" + RW_OTHER_COOP_ID).json()
        .path("total").asInt());
  }

  @Test
  void aSuspendedTenantIsRefusedUntilResumedAndKeepsItsData() {
    long before = api.get(ET_ADMIN, "tenants/ethiopia/cooperatives").json().size();
    Api.Res s = api.post(AGENCY, "platform/tenants/ethiopia/suspend", Map.of("reason", "audit of the programme"));
    assertEquals(200, s.status(), s.toString());
    try {
      Api.Res refused = api.get(ET_ADMIN, "tenants/ethiopia/cooperatives");
      assertProblem(refused, 403);
      assertEquals("Tenant suspended", refused.json().path("title").asText());
      assertTrue(refused.json().path("detail").asText().contains("audit of the programme"));
      assertProblem(api.post(ET_ADMIN, "tenants/ethiopia/programmes", Map.of("name", "x", "commodity", "y")), 403);
    } finally {
      assertEquals(200, api.post(AGENCY, "platform/tenants/ethiopia/resume", null).status());
    }
    assertEquals(before, api.get(ET_ADMIN, "tenants/ethiopia/cooperatives").json().size());
    JsonNode audit = api.get(AGENCY, "platform/tenants/ethiopia/audit").json();
    assertEquals("tenant.resumed", audit.path("items").get(0).path("action").asText());
    assertEquals("tenant.suspended", audit.path("items").get(1).path("action").asText());
  }

  @Test
  void badInputGetsAProblemDocumentWithFieldErrors() {
    String path = "tenants/rwanda/farmers";
    Api.Res malformed = api.post(RW_COOP, path, "{\"givenName\": \"A\",");
    assertProblem(malformed, 400);
    assertEquals("Malformed JSON", malformed.json().path("title").asText());
    Api.Res wrongType = api.post(RW_COOP, path, "{\"givenName\":\"A\",\"familyName\":\"B\",\"sex\":\"female\","
        + "\"cooperativeId\":\"" + RW_COOP_ID + "\",\"birthYear\":\"nineteen-eighty\"}");
    assertProblem(wrongType, 400);
    assertEquals("birthYear", wrongType.json().path("errors").get(0).path("field").asText());
    Api.Res badEnum = api.post(RW_COOP, path, "{\"givenName\":\"A\",\"familyName\":\"B\",\"sex\":\"unknown\","
        + "\"cooperativeId\":\"" + RW_COOP_ID + "\"}");
    assertProblem(badEnum, 400);
    assertEquals("sex", badEnum.json().path("errors").get(0).path("field").asText());
    Map<String, Object> invalid = new HashMap<>(farmer("", unique(), RW_COOP_ID));
    invalid.put("msisdn", "0788123456");
    invalid.put("householdSize", 0);
    Api.Res fields = api.post(RW_COOP, path, invalid);
    assertProblem(fields, 400);
    List<String> names = fields.json().path("errors").findValuesAsText("field");
    assertTrue(names.containsAll(List.of("givenName", "msisdn", "householdSize")), names.toString());
    Map<String, Object> wrongCurrency = new HashMap<>(farmer("A", unique(), RW_COOP_ID));
    wrongCurrency.put("baselineAnnualIncome", Map.of("amount", 10, "currency", "USD"));
    Api.Res currency = api.post(RW_COOP, path, wrongCurrency);
    assertProblem(currency, 400);
    assertEquals("baselineAnnualIncome.currency", currency.json().path("errors").get(0).path("field").asText());
    Api.Res unknownField = api.post(RW_COOP, path, "{\"givenName\":\"A\",\"familyName\":\"B\",\"sex\":\"female\","
        + "\"cooperativeId\":\"" + RW_COOP_ID + "\",\"salary\":1}");
    assertProblem(unknownField, 400);
    assertProblem(api.raw(RW_COOP, "POST", path, "text/plain", "hello".getBytes()), 415);
    assertProblem(api.get(RW_COOP, "tenants/rwanda/nothing-here"), 404);
  }

  @Test
  void webhooksAreSignedRetriedAfterFailureAndDeadLetteredForReplay() throws Exception {
    try (WebhookSandbox sandbox = new WebhookSandbox("whsec-" + UUID.randomUUID())) {
      Api.Res sub = api.post(RW_ADMIN, "tenants/rwanda/webhooks", Map.of("url", sandbox.url(), "secret",
          sandbox.secret(), "eventTypes", List.of("farmer.created", "farmer.updated")));
      assertEquals(201, sub.status(), sub.toString());
      assertFalse(sub.body().contains(sandbox.secret()), "the secret is never returned");
      try {
        sandbox.failNext(1);
        JsonNode f = createFarmer(RW_COOP, unique(), RW_COOP_ID);
        var got = sandbox.await(1, Duration.ofSeconds(20));
        assertEquals(1, got.size(), "delivered after one retry");
        assertEquals(2, sandbox.attempts());
        assertTrue(got.get(0).signatureValid(), "HMAC-SHA256 verifies with the subscription secret");
        assertEquals("farmer.created", got.get(0).event());
        assertEquals(f.path("id").asText(), Api.JSON.readTree(got.get(0).body()).path("data").path("id").asText());

        Map<String, Object> change = new HashMap<>(farmer("Uwase", f.path("familyName").asText(), RW_COOP_ID));
        change.put("householdSize", 9);
        assertEquals(200, api.put(RW_COOP, "tenants/rwanda/farmers/" + f.path("id").asText(), change, "\"1\"").status());
        got = sandbox.await(2, Duration.ofSeconds(20));
        assertEquals("farmer.updated", got.get(1).event());
        assertEquals(9, Api.JSON.readTree(got.get(1).body()).path("data").path("householdSize").asInt());

        sandbox.failAll(true);
        JsonNode lost = createFarmer(RW_COOP, unique(), RW_COOP_ID);
        JsonNode dead = null;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dead == null && System.nanoTime() < end) {
          for (JsonNode d : api.get(RW_ADMIN, "tenants/rwanda/dead-letters").json()) {
            if (d.path("payload").asText().contains(lost.path("id").asText())) {
              dead = d;
            }
          }
          Thread.sleep(200);
        }
        assertNotNull(dead, "a dead letter after the last retry");
        assertTrue(dead.path("attempts").asInt() >= 2, dead.toString());
        sandbox.failAll(false);
        assertEquals(202, api.post(RW_ADMIN, "tenants/rwanda/dead-letters/" + dead.path("id").asText() + "/replay",
            null).status());
        got = sandbox.await(3, Duration.ofSeconds(20));
        assertEquals(3, got.size());
        assertTrue(got.get(2).body().contains(lost.path("id").asText()));
        assertTrue(got.get(2).signatureValid());
      } finally {
        api.delete(RW_ADMIN, "tenants/rwanda/webhooks/" + sub.json().path("id").asText(), null);
      }
    }
  }

  @Test
  void theContractAndHealthAreServed() {
    var base = Deployments.base(url);
    Api raw = new Api(base);
    assertTrue(raw.get(RW_ADMIN, "../../openapi").body().contains("Mu1000 API"));
    String health = raw.get(null, "../../health/ready").body();
    assertTrue(health.contains("\"mongodb\"") && health.contains("\"keycloak\"") && health.contains("UP"), health);
  }
}
