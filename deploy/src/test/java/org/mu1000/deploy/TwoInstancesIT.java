package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.ValueChainIT.T;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mu1000.integrations.webhooks.WebhookSandbox;

/**
 * Two servers in one data grid (Payara's Hazelcast over loopback) on one store behind one proxy behave as one: what
 * one changes applies through the other within the caches' five seconds, a job one starts the other finishes, an
 * event is delivered once, and stopping one while requests come loses none that a client was told was accepted
 * (clients retry with their Idempotency-Key).
 */
class TwoInstancesIT {
  @Test
  void twoServersBehindOneProxyBehaveAsOne() throws Exception {
    AppProcess.Grid grid = AppProcess.Grid.of(2);
    try (AppProcess a = AppProcess.start("two-a", Map.of(), grid, 0);
        AppProcess b = AppProcess.start("two-b", Map.of(), grid, 1);
        LoopbackProxy proxy = new LoopbackProxy(List.of(a.base(), b.base()))) {
      bothJoinedOneDataGrid(a, b, grid);
      Api viaA = new Api(a.base());
      Api viaB = new Api(b.base());
      Api both = new Api(proxy.base());
      Fixture.tenants(both);
      aGradingStandardChangedThroughOneAppliesThroughTheOther(viaA, viaB);
      anImportUploadedToOneIsCommittedThroughTheOther(viaA, viaB);
      anEventIsDeliveredOnceNotOncePerServer(both);
      farmersArePaidOnceWhicheverServerSendsOrHearsTheCallback(both, proxy);
      noAcceptedRequestIsLostWhenOneStops(both, b);
    }
  }

  /** Each server's readiness reports the data grid it is in and how many servers it counts there. */
  private static void bothJoinedOneDataGrid(AppProcess a, AppProcess b, AppProcess.Grid grid) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String seen = "";
    while (System.nanoTime() < end) {
      JsonNode ofA = dataGrid(a);
      JsonNode ofB = dataGrid(b);
      seen = ofA + " / " + ofB;
      if (ofA.path("members").asInt() == 2 && ofB.path("members").asInt() == 2) {
        assertEquals(grid.name(), ofA.path("cluster").asText());
        assertEquals(grid.name(), ofB.path("cluster").asText());
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the two servers did not form one data grid within 60 s: " + seen);
  }

  private static JsonNode dataGrid(AppProcess app) throws Exception {
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(app.base().resolve("health/ready")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    for (JsonNode check : Api.JSON.readTree(r.body()).path("checks")) {
      if (check.path("name").asText().equals("data-grid")) {
        return check.path("data");
      }
    }
    return Api.JSON.createObjectNode();
  }

  private static Map<String, Object> standard(int perKg) {
    return Map.of("commodity", "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")),
        "grades", List.of(Map.of("code", "A", "name", "A", "rules", List.of(), "prices", List.of(Map.of(
            "validFrom", "2025-01-01", "perKg", perKg)))));
  }

  private static int standardOfIntake(Api api, Map<String, Object> delivery) {
    Api.Res r = api.post(Fixture.RW_AGENT, T + "intakes", delivery);
    assertEquals(201, r.status(), r.toString());
    return r.json().path("lots").get(0).path("standardVersion").asInt();
  }

  private static void aGradingStandardChangedThroughOneAppliesThroughTheOther(Api viaA, Api viaB)
      throws InterruptedException {
    String p = viaA.post(RW_ADMIN, T + "programmes", Map.of("name", "Two " + UUID.randomUUID(), "commodity",
        "coffee cherry")).json().path("id").asText();
    assertEquals(201, viaA.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard(600)).status());
    String f = ValueChainIT.farmer(viaA, "female", Fixture.RW_COOP_ID, p);
    String plot = ValueChainIT.plot(viaA, f, 30.2101, -1.9601, 50).path("id").asText();
    Map<String, Object> delivery = Map.of("farmerId", f, "plotId", plot, "harvestDate", "2026-05-10", "grossKg", 10,
        "lots", List.of(Map.of("kg", 10, "measurements", Map.of("ripe", 90))));
    assertEquals(1, standardOfIntake(viaB, delivery));
    assertEquals(201, viaA.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard(700)).status());
    long changed = System.nanoTime();
    assertEquals(2, standardOfIntake(viaA, delivery), "the server that made the change applies it at once");
    while (standardOfIntake(viaB, delivery) != 2) {
      assertTrue(System.nanoTime() - changed < Duration.ofSeconds(10).toNanos(),
          "the other server applies the new standard within its cache's five seconds");
      Thread.sleep(500);
    }
  }

  private static void anImportUploadedToOneIsCommittedThroughTheOther(Api viaA, Api viaB) throws Exception {
    String tag = "Two" + UUID.randomUUID().toString().substring(0, 6);
    List<List<String>> rows = new ArrayList<>(List.of(TenantsAndImportIT.HEADER));
    for (int i = 0; i < 1200; i++) {
      rows.add(TenantsAndImportIT.row(tag + "-" + i, "Aline", tag, "+2507" + String.format("%08d", i)));
    }
    String id = viaA.raw(RW_ADMIN, "POST", "tenants/rwanda/imports?cooperativeId=" + Fixture.RW_OTHER_COOP_ID
        + "&format=csv&fileName=two.csv", "application/octet-stream", Sheets.csv(rows)).json().path("id").asText();
    assertEquals("validated", Fixture.awaitImport(viaB, id, Duration.ofMinutes(3), "validated", "invalid",
        "failed").path("status").asText());
    assertEquals(202, viaB.post(RW_ADMIN, "tenants/rwanda/imports/" + id + "/commit", null).status());
    JsonNode done = Fixture.awaitImport(viaA, id, Duration.ofMinutes(3), "committed", "failed");
    assertEquals("committed", done.path("status").asText(), done.toString());
    assertEquals(1200, done.path("farmersCreated").asInt());
  }

  private static void anEventIsDeliveredOnceNotOncePerServer(Api both) throws Exception {
    try (WebhookSandbox sandbox = new WebhookSandbox("whsec-" + UUID.randomUUID())) {
      Api.Res sub = both.post(RW_ADMIN, "tenants/rwanda/webhooks", Map.of("url", sandbox.url(), "secret",
          sandbox.secret(), "eventTypes", List.of("farmer.created")));
      assertEquals(201, sub.status(), sub.toString());
      try {
        String family = "Once" + UUID.randomUUID().toString().substring(0, 6);
        Api.Res created = both.post(RW_ADMIN, T + "farmers", Fixture.farmer("Solange", family, Fixture.RW_COOP_ID));
        assertEquals(201, created.status(), created.toString());
        sandbox.await(1, Duration.ofSeconds(30));
        Thread.sleep(3000); // a second delivery, if a server sent one, would have come by now
        assertEquals(1, sandbox.received().stream().filter(r -> r.body().contains(family)).count(),
            "delivered once");
      } finally {
        both.send(RW_ADMIN, "DELETE", "tenants/rwanda/webhooks/" + sub.json().path("id").asText(), null, null,
            null);
      }
    }
  }

  /**
   * A batch sent through the proxy, the operator's callbacks coming back through it to either server, and both
   * servers' sweeps running: every farmer paid once, no transfer executed twice.
   */
  private static void farmersArePaidOnceWhicheverServerSendsOrHearsTheCallback(Api both, LoopbackProxy proxy)
      throws Exception {
    try (org.mu1000.integrations.payments.momo.MomoSandbox momo = PayoutFixture.sandbox()) {
      PayoutFixture pay = new PayoutFixture(both, momo);
      pay.configure(proxy.base());
      PayoutFixture.Shipped s = pay.shipped(4);
      String batch = pay.paidFor(s);
      assertEquals(4, pay.settled(batch, Duration.ofSeconds(60)).path("paid").asInt());
      for (com.fasterxml.jackson.databind.JsonNode p : pay.payouts(batch)) {
        assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"), p.toString());
      }
      pay.paidExactlyOnce(s);
    }
  }

  private static void noAcceptedRequestIsLostWhenOneStops(Api both, AppProcess b) throws Exception {
    String family = "Stop" + UUID.randomUUID().toString().substring(0, 6);
    CompletableFuture<Void> stopped = null;
    int retried = 0;
    for (int i = 0; i < 60; i++) {
      if (i == 20) {
        stopped = CompletableFuture.runAsync(() -> {
          try {
            b.close(); // a graceful stop (SIGTERM), as a rolling update makes it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      String key = UUID.randomUUID().toString();
      Map<String, Object> farmer = Fixture.farmer("Claudine" + i, family, Fixture.RW_COOP_ID);
      for (int attempt = 0; ; attempt++) {
        Api.Res r;
        try {
          r = both.postOnce(RW_ADMIN, T + "farmers", farmer, key);
        } catch (IllegalStateException connectionLost) {
          r = null;
        }
        if (r != null && r.status() == 201) {
          break;
        }
        // a lost connection, a server error (a stopping Payara answers 500 while it undeploys) or a request still
        // in flight is retried under the same key; anything else is an answer
        assertTrue(r == null || r.status() >= 500 || r.status() == 409, "not retried: " + r);
        assertTrue(attempt < 20, "request " + i + " was not accepted after " + attempt + " retries: " + r);
        retried++;
        Thread.sleep(500);
      }
    }
    stopped.get();
    System.out.println("two-instances: 60 farmers sent while one server stopped; " + retried + " retries");
    assertEquals(60, both.get(RW_ADMIN, T + "farmers?size=1&namePrefix=" + family).json().path("total").asInt(),
        "every accepted request once: none lost, none doubled");
  }
}
