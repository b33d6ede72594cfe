package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.AGENCY;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.ValueChainIT.T;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mu1000.integrations.payments.momo.MomoSandbox;

/**
 * Farmers paid by mobile money, end to end on the real routes: a buyer's payment makes the lots of a shipment
 * payable, a batch is prepared, approved by a second person and sent through the MoMo sandbox over HTTP, under the
 * faults a real operator shows. After each run: no transfer executed twice, every farmer paid exactly what the ledger
 * owed them, and the trial balance zero.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayoutsIT {
  static final BigDecimal PRICE = new BigDecimal("600");
  static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 100_000));
  static MomoSandbox momo;

  @ArquillianResource
  URL url;

  Api api;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeAll
  static void sandbox() {
    momo = new MomoSandbox(0, "9f0e8d7c-6b5a-4a3b-8c2d-1e0f9a8b7c6d", "it-api-key", "it-subscription", "sandbox",
        1_000_000_000L);
  }

  @AfterAll
  static void stop() {
    momo.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    momo.faults.reset();
    Api.Res rwanda = api.get(AGENCY, "platform/tenants/rwanda");
    Map<String, Object> config = api.mapOf(rwanda.json().path("config"));
    config.put("providers", List.of(Map.of("family", "payments", "provider", "momo", "settings", Map.of(
        "baseUrl", momo.baseUrl(), "targetEnvironment", "sandbox", "apiUser", "9f0e8d7c-6b5a-4a3b-8c2d-1e0f9a8b7c6d",
        "callbackBaseUrl", Deployments.base(url).toString()), "secrets", Map.of("apiKey", "it-api-key",
            "subscriptionKey", "it-subscription", "callbackToken", "it-callback-token"))));
    Api.Res put = api.put(AGENCY, "platform/tenants/rwanda", config, rwanda.etag());
    assertEquals(200, put.status(), put.toString());
    assertTrue(!put.body().contains("it-api-key") && put.body().contains("\"secretsSet\""), put.body());
  }

  /** A cooperative whose farmers each delivered 10 kg of grade A, shipped on an order at 600 a kg. */
  record Shipped(String coop, String programme, String shipment, List<String> farmers, List<String> phones) {}

  private Shipped shipped(int farmers) {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String coop = api.post(RW_ADMIN, T + "cooperatives", Map.of("name", "Payout coop " + tag)).json().path("id")
        .asText();
    Api.Res prog = api.post(RW_ADMIN, T + "programmes", Map.of("name", "Payouts " + tag, "commodity", "coffee cherry",
        "cooperativeFeePercent", 5));
    assertEquals(201, prog.status(), prog.toString());
    assertEquals(0, new BigDecimal("5").compareTo(prog.json().path("cooperativeFeePercent").decimalValue()));
    String p = prog.json().path("id").asText();
    assertEquals(201, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", Map.of("commodity",
        "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")), "grades", List.of(Map.of(
            "code", "A", "name", "A", "rules", List.of(), "prices", List.of(Map.of("validFrom", "2025-01-01",
                "perKg", 500)))))).status());
    String wh = api.post(RW_ADMIN, T + "warehouses", Map.of("name", "Store " + tag, "region", "Northern Province")).json().path("id").asText();
    List<String> ids = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<String> lots = new ArrayList<>();
    for (int i = 0; i < farmers; i++) {
      String phone = "+25078" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
      Map<String, Object> f = new HashMap<>(Fixture.farmer("Payee" + i, "Zz" + tag, coop));
      f.put("msisdn", phone);
      f.put("programmeIds", List.of(p));
      f.remove("nationalId");
      Api.Res r = api.post(RW_ADMIN, T + "farmers", f);
      assertEquals(201, r.status(), r.toString());
      String id = r.json().path("id").asText();
      String plot = ValueChainIT.plot(api, id, 30.1 + i * 0.001, -1.95, 30).path("id").asText();
      Api.Res intake = api.post(RW_ADMIN, T + "intakes", Map.of("farmerId", id, "plotId", plot, "harvestDate",
          "2026-05-10", "grossKg", 10, "lots", List.of(Map.of("kg", 10, "measurements", Map.of("ripe", 90)))));
      assertEquals(201, intake.status(), intake.toString());
      lots.add(intake.json().path("lots").get(0).path("id").asText());
      ids.add(id);
      phones.add(phone.substring(1));
    }
    assertEquals(200, api.post(RW_ADMIN, T + "warehouses/" + wh + "/receipts", Map.of("lotIds", lots)).status());
    Api.Res order = api.post(RW_ADMIN, T + "orders", Map.of("number", "PO-" + tag, "programmeId", p, "buyer",
        Map.of("name", "Roaster " + tag, "country", "DE", "export", true), "lines", List.of(Map.of("commodity",
            "coffee cherry", "grade", "A", "quantityKg", 10 * farmers, "pricePerKg", PRICE, "deliveryFrom",
            "2026-01-01"))));
    assertEquals(201, order.status(), order.toString());
    String orderId = order.json().path("id").asText();
    assertEquals(200, api.send(RW_ADMIN, "POST", T + "orders/" + orderId + "/status", Map.of("status", "confirmed"),
        order.etag(), null).status());
    assertEquals(200, api.post(RW_ADMIN, T + "orders/" + orderId + "/lines/L1/allocations", Map.of("lotIds", lots))
        .status());
    Api.Res ship = api.post(RW_ADMIN, T + "orders/" + orderId + "/shipments", Map.of("lotIds", lots, "destination",
        "Hamburg, DE"));
    assertEquals(201, ship.status(), ship.toString());
    return new Shipped(coop, p, ship.json().path("id").asText(), ids, phones);
  }

  /** 10 kg at 600, less the 5 % fee. */
  static final BigDecimal SHARE = new BigDecimal("5700");

  private String paidFor(Shipped s) {
    Api.Res pay = api.post(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments", Map.of("amount",
        PRICE.multiply(BigDecimal.TEN).multiply(BigDecimal.valueOf(s.farmers().size())), "currency", "RWF",
        "reference", "TT" + UUID.randomUUID().toString().substring(0, 8), "paidOn", "2026-06-01"));
    assertEquals(201, pay.status(), pay.toString());
    assertEquals(s.farmers().size(), pay.json().path("lots").asInt(), pay.body());
    assertEquals(0, SHARE.multiply(BigDecimal.valueOf(s.farmers().size())).compareTo(pay.json().path("payable")
        .decimalValue()), pay.body());
    Api.Res batch = api.post(RW_ADMIN, T + "payout-batches", Map.of("cooperativeId", s.coop()));
    assertEquals(201, batch.status(), batch.toString());
    assertEquals(s.farmers().size(), batch.json().path("count").asInt(), batch.body());
    String id = batch.json().path("id").asText();
    assertProblem(api.post(RW_ADMIN, T + "payout-batches/" + id + "/approval", null), 403);
    assertProblem(api.post(RW_ADMIN, T + "payout-batches/" + id + "/sending", null), 409);
    Api.Res approved = api.post(AGENCY, T + "payout-batches/" + id + "/approval", null);
    assertEquals(200, approved.status(), approved.toString());
    Api.Res sent = api.post(RW_ADMIN, T + "payout-batches/" + id + "/sending", null);
    assertEquals(202, sent.status(), sent.toString());
    assertProblem(api.post(RW_ADMIN, T + "payout-batches/" + id + "/sending", null), 409);
    return id;
  }

  /** Waits until no payout of the batch is on its way; returns the batch's progress. */
  private JsonNode settled(String batch, Duration within) throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    JsonNode progress = null;
    while (System.nanoTime() < end) {
      progress = api.get(RW_ADMIN, T + "payout-batches/" + batch).json().path("progress");
      if (progress.path("pending").asLong() + progress.path("submitting").asLong() + progress.path("sent").asLong()
          == 0) {
        return progress;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("batch " + batch + " not settled within " + within + ": " + progress);
  }

  private List<JsonNode> payouts(String batch) {
    List<JsonNode> out = new ArrayList<>();
    api.get(RW_ADMIN, T + "payout-batches/" + batch + "/payouts?size=500").json().forEach(out::add);
    return out;
  }

  /** Every transfer executed once, every farmer paid what they were owed, owed nothing more, books balanced. */
  private void paidExactlyOnce(Shipped s) {
    for (int i = 0; i < s.farmers().size(); i++) {
      assertEquals(0, SHARE.compareTo(momo.paidTo(s.phones().get(i))), "paid to farmer " + i);
      JsonNode st = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(i) + "/statement").json();
      assertEquals(0, st.path("owed").decimalValue().signum(), st.toString());
    }
    trialBalanceIsZero();
  }

  private void trialBalanceIsZero() {
    JsonNode tb = api.get(RW_ADMIN, T + "ledger/trial-balance").json();
    assertEquals(0, tb.path("sum").decimalValue().signum(), tb.toString());
    assertEquals(0, tb.path("debits").decimalValue().compareTo(tb.path("credits").decimalValue()), tb.toString());
  }

  @Test
  void farmersArePaidOnceThroughDuplicateAndOutOfOrderCallbacks() throws Exception {
    momo.faults.duplicateCallbacks = true;
    momo.faults.outOfOrderCallbacks = true;
    Shipped s = shipped(3);
    String batch = paidFor(s);
    JsonNode progress = settled(batch, Duration.ofSeconds(30));
    assertEquals(3, progress.path("paid").asInt(), progress.toString());
    for (JsonNode p : payouts(batch)) {
      assertEquals("paid", p.path("status").asText());
      assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"));
      assertTrue(p.path("message").asText().length() <= 160, p.toString());
      assertTrue(!p.path("providerTransactionId").asText().isEmpty(), p.toString());
    }
    paidExactlyOnce(s);
    JsonNode st = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(0) + "/statement").json();
    assertEquals(List.of("lot", "payout"), causes(st), "made payable, then paid out: " + st);

    // the coop manager of another cooperative sees none of it; a second payment of the same shipment pays nobody
    assertProblem(api.get(RW_COOP, T + "payout-batches/" + batch), 404);
    assertProblem(api.get(RW_COOP, T + "farmers/" + s.farmers().get(0) + "/statement"), 404);
    assertProblem(api.get(RW_COOP, T + "ledger/trial-balance"), 403);
    Api.Res again = api.post(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments", Map.of("amount", 100,
        "currency", "RWF", "reference", "late top-up", "paidOn", "2026-06-02"));
    assertEquals(201, again.status(), again.toString());
    assertEquals(0, again.json().path("lots").asInt(), "lots are made payable once");
    assertProblem(api.post(RW_ADMIN, T + "payout-batches", Map.of("cooperativeId", s.coop())), 422);
    trialBalanceIsZero();
  }

  private static List<String> causes(JsonNode statement) {
    List<String> out = new ArrayList<>();
    statement.path("lines").forEach(l -> out.add(l.path("entry").path("cause").asText()));
    return out;
  }

  @Test
  void timeOutsServerErrorsAndLostCallbacksStillPayOnce() throws Exception {
    momo.faults.delayMs = 2_500; // longer than the routes wait (1.5 s in the tests): the client sees a time-out
    momo.faults.fail5xx.set(2);
    momo.faults.lostCallbacks = true; // only the status query tells
    Shipped s = shipped(3);
    String batch = paidFor(s);
    JsonNode progress = settled(batch, Duration.ofSeconds(60));
    assertEquals(3, progress.path("paid").asInt(), progress.toString());
    for (JsonNode p : payouts(batch)) {
      assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"), p.toString());
    }
    paidExactlyOnce(s);
    JsonNode health = api.get(RW_ADMIN, T + "providers/health").json();
    assertTrue(health.toString().contains("payments.momo.transfer.rwanda"), health.toString());
    assertTrue(health.findValues("failed").stream().anyMatch(n -> n.asLong() > 0), "time-outs counted: " + health);
    assertProblem(api.get(RW_COOP, T + "providers/health"), 403);
  }

  @Test
  void aRejectedPayeeFailsVisiblyAndIsPaidOnceOnRetry() throws Exception {
    momo.faults.callbackBefore202 = true;
    Shipped s = shipped(2);
    momo.faults.unknownPayees.add(s.phones().get(1));
    String batch = paidFor(s);
    JsonNode progress = settled(batch, Duration.ofSeconds(30));
    assertEquals(1, progress.path("paid").asInt(), progress.toString());
    assertEquals(1, progress.path("failed").asInt(), progress.toString());
    JsonNode failed = api.get(RW_ADMIN, T + "payout-batches/" + batch + "/payouts?status=failed").json().get(0);
    assertTrue(failed.path("reason").asText().contains("PAYEE_NOT_FOUND"), failed.toString());
    JsonNode owed = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(1) + "/statement").json();
    assertEquals(0, SHARE.compareTo(owed.path("owed").decimalValue()), "a failed payout is owed again: " + owed);
    trialBalanceIsZero();

    momo.faults.unknownPayees.clear();
    Api.Res retried = api.post(RW_ADMIN, T + "payouts/" + failed.path("id").asText() + "/retry", null);
    assertEquals(201, retried.status(), retried.toString());
    assertEquals(2, retried.json().path("attempt").asInt());
    assertProblem(api.post(RW_ADMIN, T + "payouts/" + failed.path("id").asText() + "/retry", null), 409);
    progress = settled(batch, Duration.ofSeconds(30));
    assertEquals(2, progress.path("paid").asInt(), progress.toString());
    paidExactlyOnce(s);
  }

  @Test
  void callbacksAreAuthenticatedAndNeverAppliedTwice() throws Exception {
    momo.faults.lostCallbacks = true;
    momo.faults.settleMs = 60_000; // stays PENDING at the operator while we look
    Shipped s = shipped(1);
    String batch = paidFor(s);
    String payout = payouts(batch).get(0).path("id").asText();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!"sent".equals(api.get(RW_ADMIN, T + "payouts/" + payout).json().path("status").asText())
        && System.nanoTime() < end) {
      Thread.sleep(200);
    }
    Api callbacks = new Api(Deployments.base(url));
    Map<String, Object> ok = Map.of("status", "SUCCESSFUL", "financialTransactionId", "555", "externalId", payout);
    assertProblem(callbacks.post(null, "callbacks/momo/rwanda/" + payout + "?sig=00", ok), 401);
    String sig = org.mu1000.platform.finance.application.CallbackSignatures.sign("it-callback-token", "rwanda",
        payout);
    assertProblem(callbacks.post(null, "callbacks/momo/ethiopia/" + payout + "?sig=" + sig, ok), 401);
    assertEquals(200, callbacks.post(null, "callbacks/momo/rwanda/" + payout + "?sig=" + sig, ok).status());
    assertProblem(callbacks.post(null, "callbacks/momo/rwanda/" + payout + "?sig=" + sig, ok), 409);
    assertProblem(callbacks.post(null, "callbacks/momo/rwanda/" + payout + "?sig=" + sig, Map.of("status",
        "FAILED")), 409);
    assertEquals("paid", api.get(RW_ADMIN, T + "payouts/" + payout).json().path("status").asText());
    trialBalanceIsZero();
  }
}
