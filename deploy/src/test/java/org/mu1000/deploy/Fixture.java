package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Data every IT starts from: the two demo tenants, provisioned through the platform API as an agency would. */
final class Fixture {
  static final String AGENCY = "agency.admin";
  static final String RW_ADMIN = "rwanda.admin";
  static final String RW_COOP = "rwanda.coop";
  static final String RW_AGENT = "rwanda.agent";
  static final String ET_ADMIN = "ethiopia.admin";
  static final String DONOR = "donor";
  static final String RW_COOP_ID = "rw-abakundakawa";
  static final String RW_OTHER_COOP_ID = "rw-kopakama";

  private Fixture() {}

  /** Creates rwanda (with its demo registry) and ethiopia from their templates; repeating it changes nothing. */
  static synchronized void tenants(Api api) {
    for (String id : List.of("rwanda", "ethiopia")) {
      if (api.get(AGENCY, "platform/tenants/" + id).status() == 200) {
        continue;
      }
      Api.Res r = api.post(AGENCY, "platform/tenants", Map.of("template", id, "withDemoData", id.equals("rwanda"),
          "adminUsername", id + ".admin", "adminEmail", id + ".admin@mu1000.local"));
      assertEquals(201, r.status(), r.toString());
      assertEquals("active", r.json().path("config").isMissingNode() ? "" : r.json().path("status").asText(), r.body());
    }
    assertTrue(api.get(RW_COOP, "tenants/rwanda/farmers?size=1").json().path("total").asLong() > 0);
  }

  static Map<String, Object> farmer(String given, String family, String coop) {
    return Map.of("givenName", given, "familyName", family, "sex", "female", "cooperativeId", coop,
        "msisdn", "+250788123456", "householdSize", 5, "birthYear", 1980,
        "baselineAnnualIncome", Map.of("amount", 420000, "currency", "RWF"),
        "consent", Map.of("given", true, "date", "2026-01-15"), "nationalId", "1 1980 8 0012345 0 12");
  }

  /** A square of about side × side metres with its south-west corner at (lon, lat). */
  static Map<String, Object> square(double lon, double lat, double side) {
    double dLat = side / 111_320.0;
    double dLon = side / (111_320.0 * Math.cos(Math.toRadians(lat)));
    return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(lon, lat), List.of(lon + dLon, lat),
        List.of(lon + dLon, lat + dLat), List.of(lon, lat + dLat), List.of(lon, lat))));
  }

  static void assertProblem(Api.Res r, int status) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/problem+json"), "content type of " + r);
    assertEquals(status, r.json().path("status").asInt(), r.body());
    assertTrue(!r.body().contains("Exception") && !r.body().contains("at org."), "no stack trace: " + r.body());
  }

  /** A problem that names each of {@code fields} in its field-level errors. */
  static void assertProblem(Api.Res r, int status, String... fields) {
    assertProblem(r, status);
    java.util.Set<String> named = new java.util.HashSet<>();
    r.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
    for (String f : fields) {
      assertTrue(named.contains(f), "the problem names " + f + ": " + r.body());
    }
  }

  /** Polls an import job of Rwanda's until it reaches one of the {@code end} states or the time is up. */
  static JsonNode awaitImport(Api api, String id, Duration within,
      String... end) throws InterruptedException {
    long until = System.nanoTime() + within.toNanos();
    JsonNode job;
    do {
      Thread.sleep(200);
      job = api.get(RW_ADMIN, "tenants/rwanda/imports/" + id).json();
    } while (!List.of(end).contains(job.path("status").asText()) && System.nanoTime() < until);
    return job;
  }
}
