package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_AGENT;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.ValueChainIT.T;
import static org.mu1000.deploy.ValueChainIT.coffee;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A POST retried with its Idempotency-Key has one effect, and every retry gets the first answer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdempotencyIT {
  @ArquillianResource
  URL url;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  /** A delivery of 40 kg of coffee cherry by a new farmer of a new programme: {farmer, plot}. */
  private static String[] grower(Api api) {
    Fixture.tenants(api);
    Api.Res prog = api.post(RW_ADMIN, T + "programmes", Map.of("name", "Retry " + UUID.randomUUID(), "commodity",
        "coffee cherry"));
    String p = prog.json().path("id").asText();
    assertEquals(201, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", Map.of("commodity",
        "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")), "grades", List.of(Map.of(
            "code", "A", "name", "A", "rules", List.of(), "prices", List.of(Map.of("validFrom", "2025-01-01",
                "perKg", 600)))))).status());
    String f = ValueChainIT.farmer(api, "female", RW_COOP_ID, p);
    return new String[] {f, ValueChainIT.plot(api, f, 30.2101, -1.9601, 50).path("id").asText()};
  }

  private static Map<String, Object> delivery(String[] grower) {
    return Map.of("farmerId", grower[0], "plotId", grower[1], "harvestDate", "2026-05-10", "grossKg", 40,
        "lots", List.of(Map.of("kg", 40, "measurements", Map.of("ripe", 90))));
  }

  @Test
  void fiveRetriesOfAnIntakeRecordOneDelivery() {
    Api api = new Api(Deployments.base(url));
    String[] grower = grower(api);
    String f = grower[0];
    String plot = grower[1];
    Map<String, Object> delivery = delivery(grower);
    String key = UUID.randomUUID().toString();

    Api.Res first = api.postOnce(RW_AGENT, T + "intakes", delivery, key);
    assertEquals(201, first.status(), first.toString());
    assertNull(first.header("Idempotent-Replayed"));
    for (int retry = 0; retry < 4; retry++) {
      Api.Res again = api.postOnce(RW_AGENT, T + "intakes", delivery, "\"" + key + "\"");
      assertEquals(201, again.status(), again.toString());
      assertEquals(first.body(), again.body(), "the first answer, byte for byte");
      assertEquals(first.header("Location"), again.header("Location"));
      assertEquals("true", again.header("Idempotent-Replayed"));
    }
    assertEquals(1, api.get(RW_ADMIN, T + "lots?farmerId=" + f).json().path("total").asInt(), "one delivery");

    Map<String, Object> other = Map.of("farmerId", f, "plotId", plot, "harvestDate", "2026-05-11", "grossKg", 40);
    assertProblem(api.postOnce(RW_AGENT, T + "intakes", other, key), 422);
    assertEquals(1, api.get(RW_ADMIN, T + "lots?farmerId=" + f).json().path("total").asInt());

    // the key is the caller's: another person's request with it is a request of its own
    Api.Res admins = api.postOnce(RW_ADMIN, T + "intakes", delivery, key);
    assertEquals(201, admins.status(), admins.toString());
    assertNotEquals(first.json().path("deliveryId"), admins.json().path("deliveryId"));
    // a refusal is an answer too: the retry is refused alike, and nothing is written
    String refusedKey = UUID.randomUUID().toString();
    Map<String, Object> tooHeavy = Map.of("farmerId", f, "plotId", plot, "harvestDate", "2026-05-10", "grossKg", 40,
        "lots", List.of(Map.of("kg", 50, "measurements", coffee("90", "1", "11"))));
    Api.Res refused = api.postOnce(RW_AGENT, T + "intakes", tooHeavy, refusedKey);
    assertProblem(refused, 400);
    assertEquals(refused.body(), api.postOnce(RW_AGENT, T + "intakes", tooHeavy, refusedKey).body());
    assertProblem(api.postOnce(RW_AGENT, T + "intakes", delivery, "x".repeat(256)), 400);
    assertEquals(2, api.get(RW_ADMIN, T + "lots?farmerId=" + f).json().path("total").asInt());
  }

  @Test
  void simultaneousRetriesRunOnce() throws Exception {
    Api api = new Api(Deployments.base(url));
    String[] grower = grower(api);
    Map<String, Object> delivery = delivery(grower);
    String key = UUID.randomUUID().toString();
    api.get(RW_AGENT, T + "lots?limit=1"); // the agent's token, fetched once before the race
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Res>> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        sent.add(pool.submit(() -> api.postOnce(RW_AGENT, T + "intakes", delivery, key)));
      }
      int created = 0;
      for (Future<Api.Res> r : sent) {
        Api.Res res = r.get(60, TimeUnit.SECONDS);
        assertTrue(res.status() == 201 || res.status() == 409, res.toString());
        if (res.status() == 409) {
          assertProblem(res, 409);
        } else {
          created++;
        }
      }
      assertTrue(created >= 1);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, api.get(RW_ADMIN, T + "lots?farmerId=" + grower[0]).json().path("total").asInt(),
        "one delivery however the retries race");
    Api.Res after = api.postOnce(RW_AGENT, T + "intakes", delivery, key);
    assertEquals(201, after.status(), after.toString());
    assertEquals("true", after.header("Idempotent-Replayed"));
  }
}
