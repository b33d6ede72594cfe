package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.ValueChainIT.T;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  static MomoSandbox momo;
  static org.mu1000.integrations.payments.mpesa.MpesaSandbox mpesa;
  static org.mu1000.integrations.sms.africastalking.AfricasTalkingSandbox sms;

  @ArquillianResource
  URL url;

  Api api;
  PayoutFixture pay;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeAll
  static void sandbox() {
    momo = PayoutFixture.sandbox();
    mpesa = new org.mu1000.integrations.payments.mpesa.MpesaSandbox(0, "it-consumer", "it-consumer-secret",
        "it-credential", 1_000_000_000L);
    sms = new org.mu1000.integrations.sms.africastalking.AfricasTalkingSandbox(0, "sandbox", "it-sms-key");
  }

  @AfterAll
  static void stop() {
    momo.close();
    mpesa.close();
    sms.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(url));
    momo.faults.reset();
    pay = new PayoutFixture(api, momo, sms);
    pay.configure(Deployments.base(url));
  }

  @Test
  void farmersArePaidOnceThroughDuplicateAndOutOfOrderCallbacks() throws Exception {
    momo.faults.duplicateCallbacks = true;
    momo.faults.outOfOrderCallbacks = true;
    PayoutFixture.Shipped s = pay.shipped(3);
    String impact = T + "impact?level=programme&season=2026&programmeId=" + s.programme();
    JsonNode before = api.get(RW_ADMIN, impact).json();
    assertEquals(1, before.path("householdsCrossedPovertyLine").asInt(), "on the lots' value: " + before);
    assertEquals(0, before.path("householdsCrossedPovertyLineOnPayouts").asInt(), "nobody paid yet: " + before);
    assertEquals(0, before.path("paidToFarmers").path("amount").decimalValue().signum(), before.toString());
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(30));
    assertEquals(3, progress.path("paid").asInt(), progress.toString());
    JsonNode after = api.get(RW_ADMIN, impact).json();
    assertEquals(1, after.path("householdsCrossedPovertyLineOnPayouts").asInt(), "on what was paid: " + after);
    assertEquals(0, PayoutFixture.SHARE.multiply(BigDecimal.valueOf(3)).compareTo(after.path("paidToFarmers")
        .path("amount").decimalValue()), after.toString());
    for (JsonNode p : pay.payouts(batch)) {
      assertEquals("paid", p.path("status").asText());
      assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"));
      assertTrue(p.path("message").asText().length() <= 160, p.toString());
      assertTrue(!p.path("providerTransactionId").asText().isEmpty(), p.toString());
    }
    // each farmer gets one SMS about the payment, duplicate callbacks or not
    for (String phone : s.phones()) {
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (sms.received("+" + phone).isEmpty() && System.nanoTime() < end) {
        Thread.sleep(200);
      }
      Thread.sleep(300);
      assertEquals(1, sms.received("+" + phone).size(), "one SMS to " + phone);
      assertTrue(sms.received("+" + phone).get(0).text().contains("5,700"), sms.received("+" + phone).toString());
    }
    pay.paidExactlyOnce(s);
    // the consumer's trace page shows what the farmers were paid per kg, and no names
    JsonNode lot = api.get(RW_ADMIN, T + "lots/" + s.lots().get(0)).json();
    JsonNode trace = new Api(Deployments.base(url)).get(null, "trace/" + lot.path("gtin").asText() + "/"
        + lot.path("code").asText()).json();
    assertEquals(0, new BigDecimal("570").compareTo(trace.path("paidToFarmers").path("perKg").decimalValue()),
        trace.toString());
    assertEquals("RWF", trace.path("paidToFarmers").path("currency").asText());
    assertTrue(!trace.toString().contains("Payee"), "no names on the public page: " + trace);
    Api.Res clean = api.post(RW_ADMIN, T + "reconciliations", Map.of("batchId", batch));
    assertEquals(201, clean.status(), clean.toString());
    assertEquals(3, clean.json().path("checked").asInt());
    assertEquals(0, clean.json().path("differences").size(), "ledger and provider agree: " + clean.body());

    // the operator reverses one transfer on its side: the reconciliation flags exactly that payout
    String reversed = pay.payouts(batch).get(1).path("id").asText();
    momo.reverse(reversed);
    JsonNode report = api.post(RW_ADMIN, T + "reconciliations", Map.of("batchId", batch)).json();
    assertEquals(1, report.path("differences").size(), report.toString());
    assertEquals(reversed, report.path("differences").get(0).path("payoutId").asText());
    assertEquals("provider-failed-ledger-paid", report.path("differences").get(0).path("kind").asText());
    assertEquals(report.path("id").asText(), api.get(RW_ADMIN, T + "reconciliations").json().get(0).path("id")
        .asText());
    assertProblem(api.post(RW_COOP, T + "reconciliations", Map.of()), 403);
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
    pay.trialBalanceIsZero();
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
    PayoutFixture.Shipped s = pay.shipped(3);
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(60));
    assertEquals(3, progress.path("paid").asInt(), progress.toString());
    for (JsonNode p : pay.payouts(batch)) {
      assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"), p.toString());
    }
    pay.paidExactlyOnce(s);
    JsonNode health = api.get(RW_ADMIN, T + "providers/health").json();
    assertTrue(health.toString().contains("payments.momo.transfer.rwanda"), health.toString());
    assertTrue(health.findValues("failed").stream().anyMatch(n -> n.asLong() > 0), "time-outs counted: " + health);
    assertProblem(api.get(RW_COOP, T + "providers/health"), 403);
  }

  @Test
  void aRejectedPayeeFailsVisiblyAndIsPaidOnceOnRetry() throws Exception {
    momo.faults.callbackBefore202 = true;
    PayoutFixture.Shipped s = pay.shipped(2);
    momo.faults.unknownPayees.add(s.phones().get(1));
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(30));
    assertEquals(1, progress.path("paid").asInt(), progress.toString());
    assertEquals(1, progress.path("failed").asInt(), progress.toString());
    JsonNode failed = api.get(RW_ADMIN, T + "payout-batches/" + batch + "/payouts?status=failed").json().get(0);
    assertTrue(failed.path("reason").asText().contains("PAYEE_NOT_FOUND"), failed.toString());
    JsonNode owed = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(1) + "/statement").json();
    assertEquals(0, PayoutFixture.SHARE.compareTo(owed.path("owed").decimalValue()), "a failed payout is owed again: " + owed);
    pay.trialBalanceIsZero();

    momo.faults.unknownPayees.clear();
    Api.Res retried = api.post(RW_ADMIN, T + "payouts/" + failed.path("id").asText() + "/retry", null);
    assertEquals(201, retried.status(), retried.toString());
    assertEquals(2, retried.json().path("attempt").asInt());
    assertProblem(api.post(RW_ADMIN, T + "payouts/" + failed.path("id").asText() + "/retry", null), 409);
    progress = pay.settled(batch, Duration.ofSeconds(30));
    assertEquals(2, progress.path("paid").asInt(), progress.toString());
    pay.paidExactlyOnce(s);
  }

  @Test
  void aTenantsRoutesAreMadeWhenItIsConfiguredAndRemovedWhileItIsClosed() {
    String id = "pay" + java.util.UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> config = new java.util.HashMap<>(TenantsAndImportIT.config(id));
    config.put("providers", List.of(Map.of("family", "payments", "provider", "momo", "settings", Map.of("baseUrl",
        momo.baseUrl(), "targetEnvironment", "sandbox", "apiUser", PayoutFixture.API_USER, "callbackBaseUrl",
        Deployments.base(url).toString()), "secrets", Map.of("apiKey", "k", "subscriptionKey", "s",
            "callbackToken", "t"))));
    assertEquals(201, api.post(Fixture.AGENCY, "platform/tenants", Map.of("config", config)).status());
    String health = "tenants/" + id + "/providers/health";
    assertEquals(List.of("payments.momo.token." + id, "payments.momo.collection-token." + id,
        "payments.momo.transfer." + id, "payments.momo.status." + id, "payments.momo.request-to-pay." + id),
        routeIds(api.get(Fixture.AGENCY, health).json()), "made when the tenant was provisioned");
    assertEquals(200, api.post(Fixture.AGENCY, "platform/tenants/" + id + "/suspend", Map.of("reason", "x"))
        .status());
    assertEquals(200, api.post(Fixture.AGENCY, "platform/tenants/" + id + "/resume", null).status());
    assertEquals(5, routeIds(api.get(Fixture.AGENCY, health).json()).size(), "made again when it reopened");
    Api.Res current = api.get(Fixture.AGENCY, "platform/tenants/" + id);
    Map<String, Object> without = api.mapOf(current.json().path("config"));
    without.put("providers", List.of(Map.of("family", "sms", "provider", "africastalking", "settings", Map.of(
        "baseUrl", sms.baseUrl(), "username", "sandbox"), "secrets", Map.of("apiKey", "it-sms-key"))));
    assertEquals(200, api.put(Fixture.AGENCY, "platform/tenants/" + id, without, current.etag()).status());
    assertEquals(List.of("sms.africastalking.send." + id), routeIds(api.get(Fixture.AGENCY, health).json()),
        "the payment routes removed with their provider, the SMS route made for the new one");
    String code = api.post(Fixture.AGENCY, "platform/tenants/" + id + "/deletion", null).json().path("confirmation")
        .asText();
    assertEquals(204, api.delete(Fixture.AGENCY, "platform/tenants/" + id + "?confirmation=" + code, null).status());
  }

  @Test
  void onlyTheTenantsAdministratorsSetItsProvidersAndNeverReadTheirSecrets() {
    Api.Res mine = api.get(RW_ADMIN, T + "providers");
    assertEquals(200, mine.status(), mine.toString());
    assertTrue(mine.body().contains("\"subscriptionKey\"") && !mine.body().contains("it-subscription"), mine.body());
    assertProblem(api.get(RW_COOP, T + "providers"), 403);
    assertProblem(api.put(RW_COOP, T + "providers", List.of(), null), 403);
    Api.Res bad = api.put(RW_ADMIN, T + "providers", List.of(Map.of("family", "payments", "provider", "momo",
        "settings", Map.of("baseUrl", "ftp://momo"))), null);
    assertProblem(bad, 400);
    assertTrue(bad.body().contains("providers[0].settings.baseUrl") && bad.body().contains("providers[0].settings"
        + ".apiUser"), bad.body());
    // a change without secrets keeps the stored ones
    Map<String, Object> momoOnly = Map.of("family", "payments", "provider", "momo", "settings", Map.of("baseUrl",
        momo.baseUrl(), "targetEnvironment", "sandbox", "apiUser", PayoutFixture.API_USER, "callbackBaseUrl",
        Deployments.base(url).toString()));
    Api.Res kept = api.put(RW_ADMIN, T + "providers", List.of(momoOnly), null);
    assertEquals(200, kept.status(), kept.toString());
    assertTrue(kept.body().contains("\"callbackToken\""), kept.body());
    String audit = api.get(Fixture.AGENCY, "platform/tenants/rwanda/audit?size=5").body();
    assertTrue(audit.contains("tenant.providers-changed") && !audit.contains("it-api-key"), audit);
  }

  private static List<String> routeIds(JsonNode health) {
    List<String> ids = new ArrayList<>();
    health.forEach(h -> ids.add(h.path("routeId").asText()));
    return ids;
  }

  @Test
  void callbacksAreAuthenticatedAndNeverAppliedTwice() throws Exception {
    momo.faults.lostCallbacks = true;
    momo.faults.settleMs = 60_000; // stays PENDING at the operator while we look
    PayoutFixture.Shipped s = pay.shipped(1);
    String batch = pay.paidFor(s);
    String payout = pay.payouts(batch).get(0).path("id").asText();
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
    pay.trialBalanceIsZero();
  }

  @Test
  void anInputLoanIsPaidToTheSupplierAndRepaidFromTheFarmersPayout() {
    PayoutFixture.Shipped s = pay.shipped(2);
    String f0 = s.farmers().get(0);
    String f1 = s.farmers().get(1);
    assertEquals(201, api.post(RW_ADMIN, T + "orders/" + s.order() + "/plan", Map.of("yieldKgPerMu", 300)).status());
    assertProblem(api.post(RW_ADMIN, T + "programmes", Map.of("name", "Bad loans", "commodity", "coffee", "loans",
        Map.of("sharePercent", 150, "annualRatePercent", 24, "interest", "flat"))), 400, "loans.sharePercent");
    assertProblem(api.post(RW_ADMIN, T + "programmes", Map.of("name", "Bad loans", "commodity", "coffee", "loans",
        Map.of("sharePercent", 50, "annualRatePercent", 24, "interest", "compound"))), 400, "loans.interest");
    assertProblem(api.post(RW_COOP, T + "suppliers", Map.of("name", "Agro", "msisdn", "+250788000001")), 403);
    assertProblem(api.post(RW_ADMIN, T + "suppliers", Map.of("name", "Agro")), 400, "msisdn");
    String tag = s.coop().substring(s.coop().length() - 6);
    Api.Res sup = api.post(RW_ADMIN, T + "suppliers", Map.of("name", "Agro-dealer " + tag, "msisdn", "+250788000001",
        "inputs", List.of("seedlings", "NPK")));
    assertEquals(201, sup.status(), sup.toString());
    String supplier = sup.json().path("id").asText();

    // each farmer's quota is 10 kg at 600: 6,000 expected, half of it may be borrowed
    JsonNode limit = api.get(RW_ADMIN, T + "loans/limit?farmerId=" + f0 + "&orderId=" + s.order()).json();
    assertEquals(0, new BigDecimal("6000").compareTo(limit.path("expectedValue").decimalValue()), limit.toString());
    assertEquals(0, new BigDecimal("3000").compareTo(limit.path("available").decimalValue()), limit.toString());
    Map<String, Object> ask = Map.of("farmerId", f0, "orderId", s.order(), "supplierId", supplier, "principal", 3500,
        "termMonths", 2, "purpose", "seedlings and NPK");
    assertProblem(api.post(RW_ADMIN, T + "loans", ask), 400, "principal");
    assertProblem(api.post(RW_ADMIN, T + "loans", Map.of("farmerId", f0, "orderId", s.order(), "supplierId",
        supplier, "principal", 2000, "termMonths", 12)), 400, "termMonths");
    Api.Res applied = api.post(RW_ADMIN, T + "loans", Map.of("farmerId", f0, "orderId", s.order(), "supplierId",
        supplier, "principal", 2000, "termMonths", 2, "purpose", "seedlings and NPK"));
    assertEquals(201, applied.status(), applied.toString());
    String loan = applied.json().path("id").asText();
    // flat 24 % a year for 2 months on 2,000: 80 interest, two instalments of 1,040
    assertEquals("applied", applied.json().path("status").asText());
    assertEquals(0, new BigDecimal("2080").compareTo(applied.json().path("total").decimalValue()), applied.body());
    assertEquals(2, applied.json().path("schedule").size());
    assertEquals(0, new BigDecimal("1040").compareTo(applied.json().path("schedule").get(0).path("amount")
        .decimalValue()), applied.body());
    JsonNode after = api.get(RW_ADMIN, T + "loans/limit?farmerId=" + f0 + "&orderId=" + s.order()).json();
    assertEquals(0, new BigDecimal("1000").compareTo(after.path("available").decimalValue()), after.toString());

    assertProblem(api.post(RW_ADMIN, T + "loans/" + loan + "/disbursement", Map.of("supplierReference", "INV-1")),
        409);
    assertProblem(api.post(RW_ADMIN, T + "loans/" + loan + "/approval", null), 403);
    assertEquals("approved", api.post(Fixture.AGENCY, T + "loans/" + loan + "/approval", null).json().path("status")
        .asText());
    assertProblem(api.post(RW_ADMIN, T + "loans/" + loan + "/disbursement", Map.of()), 400, "supplierReference");
    // paid to the supplier 70 days ago: both instalments are overdue, the first by more than 30 days
    Api.Res disbursed = api.post(RW_ADMIN, T + "loans/" + loan + "/disbursement", Map.of("supplierReference",
        "INV-" + tag, "disbursedOn", java.time.LocalDate.now().minusDays(70).toString()));
    assertEquals(200, disbursed.status(), disbursed.toString());
    assertEquals("disbursed", disbursed.json().path("status").asText());
    assertEquals(0, new BigDecimal("2080").compareTo(disbursed.json().path("overdue").decimalValue()),
        disbursed.body());
    assertTrue(disbursed.json().path("daysOverdue").asInt() > 30, disbursed.body());
    assertEquals("overdue", disbursed.json().path("schedule").get(0).path("status").asText());
    assertEquals(1, api.get(RW_ADMIN, T + "loans?arrears=true&cooperativeId=" + s.coop()).json().path("total")
        .asLong());
    JsonNode book = api.get(RW_ADMIN, T + "loans/portfolio?programmeId=" + s.programme()).json();
    assertEquals(0, new BigDecimal("2080").compareTo(book.path("atRisk30").decimalValue()), book.toString());
    assertEquals(0, new BigDecimal("100").compareTo(book.path("par30Percent").decimalValue()), book.toString());
    JsonNode tb = api.get(RW_ADMIN, T + "ledger/trial-balance").json();
    assertEquals(0, tb.path("sum").decimalValue().signum(), tb.toString());
    assertTrue(tb.toString().contains("\"account\":\"loan:" + loan + "\""), tb.toString());
    assertEquals(0, balance(tb, "supplier:" + supplier).signum(), "the supplier was paid: " + tb);

    // the buyer pays; the instalments are taken from the farmer's share before the payout
    pay.buyerPays(s);
    Api.Res batch = api.post(RW_ADMIN, T + "payout-batches", Map.of("cooperativeId", s.coop()));
    assertEquals(201, batch.status(), batch.toString());
    assertEquals(0, PayoutFixture.SHARE.multiply(BigDecimal.valueOf(2)).subtract(new BigDecimal("2080"))
        .compareTo(batch.json().path("total").decimalValue()), batch.body());
    for (JsonNode p : pay.payouts(batch.json().path("id").asText())) {
      BigDecimal expected = p.path("farmerId").asText().equals(f0) ? new BigDecimal("3620") : PayoutFixture.SHARE;
      assertEquals(0, expected.compareTo(p.path("amount").decimalValue()), p.toString());
    }
    JsonNode repaid = api.get(RW_ADMIN, T + "loans/" + loan).json();
    assertEquals("repaid", repaid.path("status").asText(), repaid.toString());
    assertEquals(0, new BigDecimal("2080").compareTo(repaid.path("repaid").decimalValue()), repaid.toString());
    assertEquals(0, repaid.path("outstanding").decimalValue().signum(), repaid.toString());
    JsonNode st = api.get(RW_ADMIN, T + "farmers/" + f0 + "/statement").json();
    assertTrue(st.toString().contains("\"cause\":\"loan\""), st.toString());
    book = api.get(RW_ADMIN, T + "loans/portfolio?programmeId=" + s.programme()).json();
    assertEquals(0, book.path("par30Percent").decimalValue().signum(), book.toString());
    assertEquals(0, new BigDecimal("2080").compareTo(book.path("repaid").decimalValue()), book.toString());

    // a loan nobody repays is written off by an administrator, with a reason; the books still balance
    String second = api.post(RW_ADMIN, T + "loans", Map.of("farmerId", f1, "orderId", s.order(), "supplierId",
        supplier, "principal", 1000, "termMonths", 1)).json().path("id").asText();
    assertEquals(200, api.post(Fixture.AGENCY, T + "loans/" + second + "/approval", null).status());
    assertEquals(200, api.post(RW_ADMIN, T + "loans/" + second + "/disbursement", Map.of("supplierReference",
        "INV-2")).status());
    assertProblem(api.post(RW_COOP, T + "loans/" + second + "/write-off", Map.of("reason", "moved away")), 403);
    assertProblem(api.post(RW_ADMIN, T + "loans/" + second + "/write-off", Map.of()), 400, "reason");
    Api.Res off = api.post(RW_ADMIN, T + "loans/" + second + "/write-off", Map.of("reason", "moved away"));
    assertEquals(200, off.status(), off.toString());
    assertEquals("written-off", off.json().path("status").asText());
    assertEquals(0, new BigDecimal("1020").compareTo(off.json().path("writtenOff").decimalValue()), off.body());
    book = api.get(RW_ADMIN, T + "loans/portfolio?programmeId=" + s.programme()).json();
    assertEquals(0, new BigDecimal("1020").compareTo(book.path("writtenOff").decimalValue()), book.toString());
    assertEquals(0, book.path("open").asInt(), book.toString());
    pay.trialBalanceIsZero();
  }

  private static BigDecimal balance(JsonNode trialBalance, String account) {
    for (JsonNode a : trialBalance.path("accounts")) {
      if (a.path("account").asText().equals(account)) {
        return a.path("balance").decimalValue();
      }
    }
    return BigDecimal.ZERO;
  }

  /**
   * Through the Mojaloop Foundation's Testing Toolkit as the switch ({@code ./mu1000 test} starts it): party lookup,
   * quote and transfer over FSPIOP v1.1, the toolkit's callbacks to the tenant's secret address.
   */
  @Test
  void farmersArePaidThroughAMojaloopSwitch() throws Exception {
    mojaloop("single");
    PayoutFixture.Shipped s = pay.shipped(3);
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(60));
    assertEquals(3, progress.path("paid").asInt(), progress + " " + pay.payouts(batch));
    for (JsonNode p : pay.payouts(batch)) {
      assertEquals("mojaloop", p.path("provider").asText());
      assertEquals(p.path("id").asText(), p.path("providerTransactionId").asText(), "the payout is the transfer");
    }
    for (String f : s.farmers()) {
      assertEquals(0, api.get(RW_ADMIN, T + "farmers/" + f + "/statement").json().path("owed").decimalValue()
          .signum());
    }
    pay.trialBalanceIsZero();
    String health = api.get(RW_ADMIN, T + "providers/health").body();
    for (String route : List.of("payments.mojaloop.parties.rwanda", "payments.mojaloop.quotes.rwanda",
        "payments.mojaloop.transfers.rwanda")) {
      assertTrue(health.contains(route), route + " in " + health);
    }

    // callbacks need the secret address and must be for this FSP; a final state is applied once
    String payout = pay.payouts(batch).get(0).path("id").asText();
    Map<String, Object> committed = Map.of("transferState", "COMMITTED", "completedTimestamp",
        "2026-06-01T10:00:00.000Z");
    Api sw = new Api(Deployments.base(url));
    String type = "application/vnd.interoperability.transfers+json;version=1.1";
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/wrong/transfers/" + payout, committed, null, type),
        401);
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/ethiopia/it-ml-token/transfers/" + payout, committed, null,
        type), 401);
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/it-ml-token/transfers/" + payout, committed, null,
        type), 409);
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/it-ml-token/transfers/" + payout + "/error",
        Map.of("errorInformation", Map.of("errorCode", "5100", "errorDescription", "late")), null, type), 409);
    assertEquals("paid", api.get(RW_ADMIN, T + "payouts/" + payout).json().path("status").asText());
    pay.trialBalanceIsZero();
  }

  /**
   * A batch in bulk through the toolkit: one bulk quote, whose results give five payouts their terms and refuse one
   * (the payee FSP's 5101), and one bulk transfer of the five, whose results commit four and abort one (5105). The
   * toolkit's rules (integrations/mojaloop-ttk/rules.js) answer by the payee's number: ending 99 refused, 98 aborted.
   */
  @Test
  void aBatchIsPaidThroughAMojaloopSwitchInBulk() throws Exception {
    mojaloop(null);
    List<String> endings = List.of("10", "11", "12", "13", "99", "98");
    PayoutFixture.Shipped s = pay.shipped(6, endings);
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(60));
    assertEquals(4, progress.path("paid").asInt(), progress + " " + pay.payouts(batch));
    assertEquals(2, progress.path("failed").asInt(), progress.toString());
    String paid = null;
    for (JsonNode p : pay.payouts(batch)) {
      String number = p.path("msisdn").asText();
      if (number.endsWith("99")) {
        assertEquals("failed", p.path("status").asText(), p.toString());
        assertTrue(p.path("reason").asText().startsWith("quote: 5101"), p.toString());
      } else if (number.endsWith("98")) {
        assertEquals("failed", p.path("status").asText(), p.toString());
        assertTrue(p.path("reason").asText().startsWith("5105"), p.toString());
      } else {
        assertEquals("paid", p.path("status").asText(), p.toString());
        assertEquals(p.path("id").asText(), p.path("providerTransactionId").asText(), "the payout is the transfer");
        paid = p.path("id").asText();
      }
    }
    for (int i = 0; i < 6; i++) {
      BigDecimal owed = api.get(RW_ADMIN, T + "farmers/" + s.farmers().get(i) + "/statement").json().path("owed")
          .decimalValue();
      assertEquals(i < 4 ? 0 : 1, owed.signum(), "farmer " + i + " is owed only what was not paid");
    }
    pay.trialBalanceIsZero();
    JsonNode health = api.get(RW_ADMIN, T + "providers/health").json();
    for (JsonNode route : health) {
      String id = route.path("routeId").asText();
      if (id.equals("payments.mojaloop.bulk-quotes.rwanda") || id.equals("payments.mojaloop.bulk-transfers.rwanda")) {
        assertEquals(1, route.path("out").asLong(), "one bulk request for the batch: " + route);
      }
      if (id.equals("payments.mojaloop.quotes.rwanda") || id.equals("payments.mojaloop.transfers.rwanda")) {
        assertEquals(0, route.path("in").asLong(), "no single quote or transfer: " + route);
      }
    }
    assertTrue(health.toString().contains("payments.mojaloop.bulk-transfers.rwanda"), health.toString());

    // a bulk transfer's results are applied once; one Mu1000 never sent is not found; the address is checked
    Api sw = new Api(Deployments.base(url));
    String type = "application/vnd.interoperability.bulkTransfers+json;version=1.1";
    Map<String, Object> again = Map.of("bulkTransferState", "COMPLETED", "individualTransferResults", List.of(Map.of(
        "transferId", paid, "fulfilment", "UNlJ98hZTY_dsw0cAqw4i_UN3v4utt7CZFB4yfLbVFA")));
    String unknown = java.util.UUID.randomUUID().toString();
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/wrong/bulkTransfers/" + unknown, again, null, type),
        401);
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/it-ml-token/bulkTransfers/" + unknown, again, null,
        type), 409);
    assertProblem(sw.send(null, "PUT", "callbacks/mojaloop/rwanda/it-ml-token/bulkTransfers/" + unknown + "/error",
        Map.of("errorInformation", Map.of("errorCode", "3100", "errorDescription", "late")), null, type), 404);
    assertEquals("paid", api.get(RW_ADMIN, T + "payouts/" + paid).json().path("status").asText());
    pay.trialBalanceIsZero();
  }

  /** The tenant pays through the toolkit ({@code ./mu1000 test} starts it), whose callbacks come to its address. */
  private void mojaloop(String transfers) throws Exception {
    String ttk = System.getenv("MU1000_MOJALOOP_TTK");
    assertTrue(ttk != null, "MU1000_MOJALOOP_TTK names the toolkit that ./mu1000 test starts");
    String callbacks = Deployments.base(url) + "api/v1/callbacks/mojaloop/rwanda/it-ml-token";
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    URI config = URI.create(ttk.replace(":4040", ":5050") + "/api/config/user");
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    JsonNode stored = json.readTree(http.send(java.net.http.HttpRequest.newBuilder(config).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body()).path("stored");
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored).put("CALLBACK_ENDPOINT", callbacks);
    assertEquals(200, http.send(java.net.http.HttpRequest.newBuilder(config).header("Content-Type",
        "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(stored.toString())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode());
    Map<String, String> settings = new java.util.HashMap<>(Map.of("baseUrl", ttk, "fspId", "mu1000rw"));
    if (transfers != null) {
      settings.put("transfers", transfers);
    }
    Api.Res put = api.put(RW_ADMIN, T + "providers", List.of(Map.of("family", "payments", "provider", "mojaloop",
        "settings", settings, "secrets", Map.of("callbackToken", "it-ml-token"))), null);
    assertEquals(200, put.status(), put.toString());
  }

  /** Daraja B2C: a 5xx burst, duplicate results, an unknown payee (failed, then tried again) and a queue time-out. */
  @Test
  void farmersArePaidOnceThroughMpesaDaraja() throws Exception {
    mpesa.faults.reset();
    Api.Res put = api.put(RW_ADMIN, T + "providers", List.of(Map.of("family", "payments", "provider", "mpesa",
        "settings", Map.of("baseUrl", mpesa.baseUrl(), "shortCode", "600000", "initiatorName", "mu1000api",
            "callbackBaseUrl", Deployments.base(url).toString()), "secrets", Map.of("consumerKey", "it-consumer",
                "consumerSecret", "it-consumer-secret", "securityCredential", "it-credential", "callbackToken",
                "it-mpesa-token"))), null);
    assertEquals(200, put.status(), put.toString());
    PayoutFixture.Shipped s = pay.shipped(3);
    mpesa.faults.fail5xx.set(2);
    mpesa.faults.duplicateResults = true;
    mpesa.faults.unknownPayees.add(s.phones().get(2));
    String batch = pay.paidFor(s);
    JsonNode progress = pay.settled(batch, Duration.ofSeconds(30));
    assertEquals(2, progress.path("paid").asInt(), progress.toString());
    assertEquals(1, progress.path("failed").asInt(), progress.toString());
    JsonNode failed = null;
    for (JsonNode p : pay.payouts(batch)) {
      assertEquals(p.path("status").asText().equals("paid") ? 1 : 0, mpesa.paidFor(p.path("id").asText()));
      if (p.path("status").asText().equals("failed")) {
        failed = p;
      }
    }
    assertTrue(failed.path("reason").asText().startsWith("2040"), failed.toString());
    // the farmer registers with M-Pesa; the failed payout is tried again under a new id and paid
    mpesa.faults.unknownPayees.clear();
    Api.Res retry = api.post(RW_ADMIN, T + "payouts/" + failed.path("id").asText() + "/retry", null);
    assertEquals(201, retry.status(), retry.toString());
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String retried = retry.json().path("id").asText();
    while (!"paid".equals(api.get(RW_ADMIN, T + "payouts/" + retried).json().path("status").asText())
        && System.nanoTime() < end) {
      Thread.sleep(200);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(0, PayoutFixture.SHARE.compareTo(mpesa.paidTo(s.phones().get(i))), "paid once to farmer " + i);
    }
    pay.trialBalanceIsZero();

    // results need the address signed for the payout; a result is applied once
    Api cb = new Api(Deployments.base(url));
    Map<String, Object> ok = Map.of("Result", Map.of("ResultType", 0, "ResultCode", 0, "ResultDesc", "ok",
        "OriginatorConversationID", retried, "TransactionID", "X1"));
    assertProblem(cb.post(null, "callbacks/mpesa/rwanda/" + retried + "/result?sig=00", ok), 401);
    String sig = org.mu1000.platform.finance.application.CallbackSignatures.sign("it-mpesa-token", "rwanda", retried);
    assertProblem(cb.post(null, "callbacks/mpesa/rwanda/" + retried + "/result?sig=" + sig, ok), 409);

    // results lost: the sweep asks (Transaction Status query) and the answer settles each payout
    mpesa.faults.reset();
    mpesa.faults.lostResults = true;
    PayoutFixture.Shipped lost = pay.shipped(2);
    String lostBatch = pay.paidFor(lost);
    assertEquals(2, pay.settled(lostBatch, Duration.ofSeconds(40)).path("paid").asInt());
    for (JsonNode p : pay.payouts(lostBatch)) {
      assertEquals(1, mpesa.paidFor(p.path("id").asText()), p.toString());
      assertTrue(p.path("providerTransactionId").asText().startsWith("SB"), p.toString());
    }

    // a request that expires in M-Pesa's queue is not paid, and says so
    mpesa.faults.reset();
    mpesa.faults.queueTimeouts = true;
    PayoutFixture.Shipped late = pay.shipped(1);
    String lateBatch = pay.paidFor(late);
    assertEquals(1, pay.settled(lateBatch, Duration.ofSeconds(30)).path("failed").asInt());
    assertTrue(pay.payouts(lateBatch).get(0).path("reason").asText().contains("queue"));
    pay.trialBalanceIsZero();
  }

  /** The buyer pays through MoMo's request to pay; the callback records the payment and the lots become payable. */
  @Test
  void aBuyerPaysThroughAMomoRequestToPayAndTheFarmersAreOwedTheirShare() throws Exception {
    PayoutFixture.Shipped s = pay.shipped(2);
    String requests = T + "shipments/" + s.shipment() + "/payment-requests";
    assertProblem(api.post(RW_ADMIN, requests, Map.of("amount", 12000, "currency", "RWF", "payerMsisdn", "0788")),
        400, "payerMsisdn");
    assertProblem(api.post(RW_ADMIN, requests, Map.of("amount", -1, "currency", "RWF", "payerMsisdn",
        "+250788999001")), 400, "amount");
    Api.Res asked = api.post(RW_ADMIN, requests, Map.of("amount", 12000, "currency", "RWF", "payerMsisdn",
        "+250788999001"));
    assertEquals(201, asked.status(), asked.toString());
    assertEquals("sent", asked.json().path("status").asText(), asked.body());
    String id = asked.json().path("id").asText();
    JsonNode r = null;
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      r = api.get(RW_ADMIN, requests).json().get(0);
      if (r.path("status").asText().equals("paid")) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("paid", r.path("status").asText(), r.toString());
    assertEquals(0, new BigDecimal("12000").compareTo(momo.collectedFrom("250788999001")));
    JsonNode payments = api.get(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments").json();
    assertEquals(1, payments.size(), payments.toString());
    assertEquals("momo-" + r.path("providerTransactionId").asText(), payments.get(0).path("reference").asText());
    assertEquals(0, PayoutFixture.SHARE.multiply(BigDecimal.valueOf(2)).compareTo(payments.get(0).path("payable")
        .decimalValue()), payments.toString());
    for (String f : s.farmers()) {
      assertEquals(0, PayoutFixture.SHARE.compareTo(api.get(RW_ADMIN, T + "farmers/" + f + "/statement").json()
          .path("owed").decimalValue()));
    }
    // the same callback again changes nothing
    String sig = org.mu1000.platform.finance.application.CallbackSignatures.sign("it-callback-token", "rwanda", id);
    Api cb = new Api(Deployments.base(url));
    Map<String, Object> ok = Map.of("status", "SUCCESSFUL", "financialTransactionId", "777", "externalId", id);
    assertProblem(cb.post(null, "callbacks/momo-collection/rwanda/" + id + "?sig=00", ok), 401);
    assertProblem(cb.post(null, "callbacks/momo-collection/rwanda/" + id + "?sig=" + sig, ok), 409);
    assertEquals(1, api.get(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments").json().size());
    // a payer MoMo does not know: the request fails and says why, nothing is booked
    momo.faults.unknownPayees.add("250788999002");
    String failed = api.post(RW_ADMIN, requests, Map.of("amount", 500, "currency", "RWF", "payerMsisdn",
        "+250788999002")).json().path("id").asText();
    end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode f = null;
    while (System.nanoTime() < end) {
      for (JsonNode x : api.get(RW_ADMIN, requests).json()) {
        if (x.path("id").asText().equals(failed)) {
          f = x;
        }
      }
      if (f != null && f.path("status").asText().equals("failed")) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("failed", f.path("status").asText(), f.toString());
    assertTrue(f.path("reason").asText().contains("PAYER_NOT_FOUND"), f.toString());
    assertEquals(1, api.get(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments").json().size());
    pay.trialBalanceIsZero();
  }
}
