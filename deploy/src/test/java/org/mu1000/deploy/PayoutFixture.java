package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.AGENCY;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.ValueChainIT.T;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.mu1000.integrations.payments.momo.MomoSandbox;
import org.mu1000.integrations.sms.africastalking.AfricasTalkingSandbox;

/**
 * Rwanda paying through a MoMo sandbox: cooperatives whose farmers delivered, shipped and were paid for, batches sent,
 * and the checks that nobody was paid twice or not at all.
 */
final class PayoutFixture {
  static final BigDecimal PRICE = new BigDecimal("600");
  /** 10 kg at 600, less the 5 % fee. */
  static final BigDecimal SHARE = new BigDecimal("5700");
  static final String API_USER = "9f0e8d7c-6b5a-4a3b-8c2d-1e0f9a8b7c6d";
  private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

  final Api api;
  final MomoSandbox momo;
  final AfricasTalkingSandbox sms;

  PayoutFixture(Api api, MomoSandbox momo) {
    this(api, momo, null);
  }

  /** With {@code sms}, Rwanda texts its farmers through that SMS sandbox too. */
  PayoutFixture(Api api, MomoSandbox momo, AfricasTalkingSandbox sms) {
    this.api = api;
    this.momo = momo;
    this.sms = sms;
  }

  static MomoSandbox sandbox() {
    return new MomoSandbox(0, API_USER, "it-api-key", "it-subscription", "sandbox", 1_000_000_000L);
  }

  /** Rwanda's tenant admin points its payments (and SMS) provider at the sandboxes, with callbacks to {@code app}. */
  void configure(URI app) {
    Fixture.tenants(api);
    List<Map<String, Object>> providers = new ArrayList<>(List.of(Map.of("family", "payments", "provider", "momo",
        "settings", Map.of("baseUrl", momo.baseUrl(), "targetEnvironment", "sandbox", "apiUser", API_USER,
            "callbackBaseUrl", app.toString()), "secrets", Map.of("apiKey", "it-api-key",
                "subscriptionKey", "it-subscription", "callbackToken", "it-callback-token"))));
    if (sms != null) {
      providers.add(Map.of("family", "sms", "provider", "africastalking", "settings", Map.of("baseUrl", sms.baseUrl(),
          "username", "sandbox"), "secrets", Map.of("apiKey", "it-sms-key")));
    }
    Api.Res put = api.put(RW_ADMIN, T + "providers", providers, null);
    assertEquals(200, put.status(), put.toString());
    assertTrue(!put.body().contains("it-api-key") && put.body().contains("\"secretsSet\""), put.body());
  }

  /** A cooperative whose farmers each delivered 10 kg of grade A, shipped on an order at 600 a kg. */
  record Shipped(String coop, String programme, String shipment, List<String> farmers, List<String> phones,
      List<String> lots, String order) {}

  Shipped shipped(int farmers) {
    return shipped(farmers, List.of());
  }

  /** As {@link #shipped(int)}, the i-th farmer's number ending in {@code endings.get(i)} where that is not null. */
  Shipped shipped(int farmers, List<String> endings) {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String coop = api.post(RW_ADMIN, T + "cooperatives", Map.of("name", "Payout coop " + tag)).json().path("id")
        .asText();
    Api.Res prog = api.post(RW_ADMIN, T + "programmes", Map.of("name", "Payouts " + tag, "commodity", "coffee cherry",
        "cooperativeFeePercent", 5, "loans", Map.of("sharePercent", 50, "annualRatePercent", 24, "interest", "flat",
            "maxTermMonths", 6)));
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
      if (i < endings.size() && endings.get(i) != null) {
        phone = phone.substring(0, phone.length() - endings.get(i).length()) + endings.get(i);
      }
      Map<String, Object> f = new HashMap<>(Fixture.farmer("Payee" + i, "Zz" + tag, coop));
      f.put("msisdn", phone);
      f.put("programmeIds", List.of(p));
      if (i == 0) {
        // one person living on 1,288 RWF a day, just under Rwanda's line of 1,300: 10 kg lifts them over it
        f.put("householdSize", 1);
        f.put("baselineAnnualIncome", Map.of("amount", 470000, "currency", "RWF"));
      }
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
    return new Shipped(coop, p, ship.json().path("id").asText(), ids, phones, lots, orderId);
  }

  /** The buyer pays for the whole shipment: every farmer is owed their share. */
  void buyerPays(Shipped s) {
    Api.Res pay = api.post(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments", Map.of("amount",
        PRICE.multiply(BigDecimal.TEN).multiply(BigDecimal.valueOf(s.farmers().size())), "currency", "RWF",
        "reference", "TT" + UUID.randomUUID().toString().substring(0, 8), "paidOn", "2026-06-01"));
    assertEquals(201, pay.status(), pay.toString());
    assertEquals(s.farmers().size(), pay.json().path("lots").asInt(), pay.body());
    assertEquals(0, SHARE.multiply(BigDecimal.valueOf(s.farmers().size())).compareTo(pay.json().path("payable")
        .decimalValue()), pay.body());
  }

  /** The buyer pays, a batch is prepared, approved by a second person and sent; returns the batch. */
  String paidFor(Shipped s) {
    buyerPays(s);
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
  JsonNode settled(String batch, Duration within) throws InterruptedException {
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

  List<JsonNode> payouts(String batch) {
    List<JsonNode> out = new ArrayList<>();
    api.get(RW_ADMIN, T + "payout-batches/" + batch + "/payouts?size=500").json().forEach(out::add);
    return out;
  }

  /** Every transfer executed once, every farmer paid what they were owed, owed nothing more, books balanced. */
  void paidExactlyOnce(Shipped s) {
    for (int i = 0; i < s.farmers().size(); i++) {
      assertEquals(0, SHARE.compareTo(momo.paidTo(s.phones().get(i))), "paid to farmer " + i);
      JsonNode st = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(i) + "/statement").json();
      assertEquals(0, st.path("owed").decimalValue().signum(), st.toString());
    }
    trialBalanceIsZero();
  }

  void trialBalanceIsZero() {
    JsonNode tb = api.get(RW_ADMIN, T + "ledger/trial-balance").json();
    assertEquals(0, tb.path("sum").decimalValue().signum(), tb.toString());
    assertEquals(0, tb.path("debits").decimalValue().compareTo(tb.path("credits").decimalValue()), tb.toString());
  }
}
