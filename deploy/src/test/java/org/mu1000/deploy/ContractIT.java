package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.AGENCY;
import static org.mu1000.deploy.Fixture.DONOR;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_AGENT;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.ValueChainIT.T;
import static org.mu1000.deploy.ValueChainIT.coffee;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Answers of every context held against {@code openapi.yaml}: each is checked, property by property, against the
 * response its operation declares (see {@link Contract}), so an answer that grows a field the contract does not
 * name, or changes a type, fails here before a generated client trips on it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractIT {
  @ArquillianResource
  URL url;

  Api api;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  /** The answer, which must be {@code status} and conform to the contract of {@code method path}. */
  private Api.Res conforms(int status, String method, String path, Api.Res answer) {
    assertEquals(status, answer.status(), method + " " + path + ": " + answer);
    List<String> violations = Contract.violations(method, path, answer);
    assertTrue(violations.isEmpty(), method + " " + path + " breaks the contract: " + violations + "\n" + answer);
    return answer;
  }

  @Test
  void tenancyIdentityRegistryWebhooksAndAudit() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    conforms(200, "GET", "/platform/templates", api.get(AGENCY, "platform/templates"));
    conforms(200, "GET", "/platform/tenants", api.get(AGENCY, "platform/tenants"));
    conforms(200, "GET", "/platform/tenants/{tenant}", api.get(AGENCY, "platform/tenants/rwanda"));
    conforms(200, "GET", "/platform/tenants/{tenant}/audit", api.get(AGENCY, "platform/tenants/rwanda/audit"));
    conforms(200, "GET", "/tenants/{tenant}/settings", api.get(RW_ADMIN, T + "settings"));
    conforms(200, "GET", "/tenants/{tenant}/users", api.get(RW_ADMIN, T + "users"));
    conforms(200, "GET", "/tenants/{tenant}/programmes", api.get(RW_ADMIN, T + "programmes"));
    conforms(200, "GET", "/tenants/{tenant}/cooperatives", api.get(RW_ADMIN, T + "cooperatives"));
    String p = programme();
    String f = ValueChainIT.farmer(api, "female", RW_COOP_ID, p);
    conforms(200, "GET", "/tenants/{tenant}/farmers", api.get(RW_ADMIN, T + "farmers?size=5"));
    conforms(200, "GET", "/tenants/{tenant}/farmers/{id}", api.get(RW_ADMIN, T + "farmers/" + f));
    String plot = ValueChainIT.plot(api, f, 30.1601, -1.9601, 40).path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/farmers/{id}/plots", api.get(RW_ADMIN, T + "farmers/" + f + "/plots"));
    conforms(200, "GET", "/tenants/{tenant}/plots/{id}", api.get(RW_ADMIN, T + "plots/" + plot));
    Api.Res hook = api.post(RW_ADMIN, T + "webhooks", Map.of("url", "http://localhost:9/contract", "secret",
        "sixteen-chars-secret", "eventTypes", List.of("farmer.created")));
    conforms(201, "POST", "/tenants/{tenant}/webhooks", hook);
    conforms(200, "GET", "/tenants/{tenant}/webhooks", api.get(RW_ADMIN, T + "webhooks"));
    // a subscription to nowhere would queue a delivery for every farmer the other tests register
    assertEquals(204, api.delete(RW_ADMIN, T + "webhooks/" + hook.json().path("id").asText(), null).status());
    conforms(200, "GET", "/tenants/{tenant}/dead-letters", api.get(RW_ADMIN, T + "dead-letters"));
    conforms(200, "GET", "/tenants/{tenant}/audit", api.get(RW_ADMIN, T + "audit?size=20"));
  }

  @Test
  void money() throws Exception {
    api = new Api(Deployments.base(url));
    try (org.mu1000.integrations.payments.momo.MomoSandbox momo = PayoutFixture.sandbox()) {
      PayoutFixture pay = new PayoutFixture(api, momo);
      pay.configure(Deployments.base(url));
      PayoutFixture.Shipped s = pay.shipped(1);
      // input loans
      assertEquals(201, api.post(RW_ADMIN, T + "orders/" + s.order() + "/plan", Map.of("yieldKgPerMu", 300)).status());
      String supplier = conforms(201, "POST", "/tenants/{tenant}/suppliers", api.post(RW_ADMIN, T + "suppliers",
          Map.of("name", "Contract supplier " + s.coop(), "msisdn", "+250788000003", "inputs", List.of("NPK"))))
          .json().path("id").asText();
      conforms(200, "GET", "/tenants/{tenant}/suppliers", api.get(RW_ADMIN, T + "suppliers"));
      conforms(200, "GET", "/tenants/{tenant}/loans/limit", api.get(RW_ADMIN, T + "loans/limit?farmerId="
          + s.farmers().get(0) + "&orderId=" + s.order()));
      Map<String, Object> ask = Map.of("farmerId", s.farmers().get(0), "orderId", s.order(), "supplierId", supplier,
          "principal", 1000, "termMonths", 2, "purpose", "NPK");
      String loan = conforms(201, "POST", "/tenants/{tenant}/loans", api.post(RW_ADMIN, T + "loans", ask)).json()
          .path("id").asText();
      String other = api.post(RW_ADMIN, T + "loans", ask).json().path("id").asText();
      conforms(200, "POST", "/tenants/{tenant}/loans/{id}/rejection", api.post(AGENCY, T + "loans/" + other
          + "/rejection", Map.of("reason", "one loan is enough")));
      conforms(200, "POST", "/tenants/{tenant}/loans/{id}/approval", api.post(AGENCY, T + "loans/" + loan
          + "/approval", null));
      conforms(200, "POST", "/tenants/{tenant}/loans/{id}/disbursement", api.post(RW_ADMIN, T + "loans/" + loan
          + "/disbursement", Map.of("supplierReference", "DN-1", "disbursedOn", "2026-01-15")));
      conforms(200, "GET", "/tenants/{tenant}/loans/{id}", api.get(RW_ADMIN, T + "loans/" + loan));
      conforms(200, "GET", "/tenants/{tenant}/loans", api.get(RW_ADMIN, T + "loans?cooperativeId=" + s.coop()));
      conforms(200, "GET", "/tenants/{tenant}/loans/portfolio", api.get(RW_ADMIN, T + "loans/portfolio?programmeId="
          + s.programme()));
      String payments = "/tenants/{tenant}/shipments/{id}/payments";
      conforms(201, "POST", payments, api.post(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments", Map.of(
          "amount", 6000, "currency", "RWF", "reference", "contract-" + s.coop(), "paidOn", "2026-06-01")));
      conforms(200, "GET", payments, api.get(RW_ADMIN, T + "shipments/" + s.shipment() + "/payments"));
      Api.Res batch = conforms(201, "POST", "/tenants/{tenant}/payout-batches", api.post(RW_ADMIN,
          T + "payout-batches", Map.of("cooperativeId", s.coop())));
      String b = batch.json().path("id").asText();
      conforms(200, "GET", "/tenants/{tenant}/payout-batches", api.get(RW_ADMIN, T + "payout-batches?cooperativeId="
          + s.coop()));
      conforms(200, "POST", "/tenants/{tenant}/payout-batches/{id}/approval", api.post(AGENCY, T + "payout-batches/"
          + b + "/approval", null));
      conforms(202, "POST", "/tenants/{tenant}/payout-batches/{id}/sending", api.post(RW_ADMIN, T + "payout-batches/"
          + b + "/sending", null));
      pay.settled(b, java.time.Duration.ofSeconds(30));
      conforms(200, "GET", "/tenants/{tenant}/payout-batches/{id}", api.get(RW_ADMIN, T + "payout-batches/" + b));
      Api.Res lines = conforms(200, "GET", "/tenants/{tenant}/payout-batches/{id}/payouts", api.get(RW_ADMIN,
          T + "payout-batches/" + b + "/payouts"));
      conforms(200, "GET", "/tenants/{tenant}/payouts/{id}", api.get(RW_ADMIN, T + "payouts/"
          + lines.json().get(0).path("id").asText()));
      conforms(200, "GET", "/tenants/{tenant}/farmers/{id}/statement", api.get(RW_ADMIN, T + "farmers/"
          + s.farmers().get(0) + "/statement"));
      conforms(200, "GET", "/tenants/{tenant}/ledger/trial-balance", api.get(RW_ADMIN, T + "ledger/trial-balance"));
      conforms(200, "GET", "/tenants/{tenant}/providers/health", api.get(RW_ADMIN, T + "providers/health"));
      conforms(200, "GET", "/tenants/{tenant}/loans/{id}", api.get(RW_ADMIN, T + "loans/" + loan)); // repaid
    }
  }

  @Test
  void trainingJobsAndDonors() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    PayoutFixture.Shipped s = new PayoutFixture(api, null).shipped(1);
    conforms(201, "POST", "/tenants/{tenant}/funding", fund(s.programme()));
    String course = conforms(201, "POST", "/tenants/{tenant}/courses", api.post(RW_ADMIN, T + "courses", Map.of(
        "programmeId", s.programme(), "title", "Contract course", "topic", "e-commerce"))).json().path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/courses", api.get(DONOR, T + "courses?programmeId=" + s.programme()));
    conforms(200, "GET", "/tenants/{tenant}/courses/{id}", api.get(RW_ADMIN, T + "courses/" + course));
    String session = conforms(201, "POST", "/tenants/{tenant}/training-sessions", api.post(RW_ADMIN, T
        + "training-sessions", Map.of("courseId", course, "cooperativeId", s.coop(), "date", "2026-03-03", "place",
        "Hall", "trainer", "T. Trainer"))).json().path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/training-sessions", api.get(RW_ADMIN, T + "training-sessions"));
    conforms(200, "GET", "/tenants/{tenant}/training-sessions/{id}", api.get(RW_ADMIN, T + "training-sessions/"
        + session));
    conforms(200, "POST", "/tenants/{tenant}/training-sessions/{id}/attendance", api.post(RW_ADMIN, T
        + "training-sessions/" + session + "/attendance", Map.of("farmerIds", s.farmers())));
    conforms(200, "GET", "/tenants/{tenant}/training-sessions/{id}/attendance", api.get(RW_ADMIN, T
        + "training-sessions/" + session + "/attendance"));
    conforms(200, "POST", "/tenants/{tenant}/training-sessions/{id}/attendance-sheets", api.raw(RW_ADMIN, "POST", T
        + "training-sessions/" + session + "/attendance-sheets?format=csv", "application/octet-stream",
        ("farmerId\n" + s.farmers().get(0) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    conforms(200, "GET", "/tenants/{tenant}/training/outcomes", api.get(RW_ADMIN, T + "training/outcomes?programmeId="
        + s.programme()));
    conforms(200, "GET", "/tenants/{tenant}/training/outcomes", api.get(DONOR, T + "training/outcomes?programmeId="
        + s.programme()));
    conforms(200, "PUT", "/tenants/{tenant}/jobs", api.put(RW_ADMIN, T + "jobs", Map.of("programmeId", s.programme(),
        "cooperativeId", s.coop(), "period", "2026-Q1", "processing", Map.of("women", 2, "men", 1)), null));
    conforms(200, "GET", "/tenants/{tenant}/jobs", api.get(RW_ADMIN, T + "jobs?programmeId=" + s.programme()));
    conforms(200, "GET", "/tenants/{tenant}/jobs/summary", api.get(DONOR, T + "jobs/summary?programmeId="
        + s.programme()));
    conforms(200, "PUT", "/tenants/{tenant}/iati/publisher", api.put(RW_ADMIN, T + "iati/publisher", Map.of("ref",
        "XM-MU1000-1", "name", "Mu1000 Agency", "type", "21"), null));
    conforms(200, "GET", "/tenants/{tenant}/iati/publisher", api.get(RW_ADMIN, T + "iati/publisher"));
    conforms(200, "GET", "/tenants/{tenant}/funding", api.get(DONOR, T + "funding"));
  }

  @Test
  void valueChainTraceabilityAndImpact() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    String p = programme();
    Map<String, Object> standard = Map.of("commodity", "coffee cherry",
        "measures", List.of(Map.of("key", "ripe", "label", "Ripe %"), Map.of("key", "defects", "label", "Defects"),
            Map.of("key", "moisture", "label", "Moisture %")),
        "grades", List.of(Map.of("code", "A", "name", "Specialty", "rules", List.of(Map.of("measure", "ripe", "op",
            ">=", "value", 90)), "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 650))),
            Map.of("code", "B", "name", "Premium", "rules", List.of(), "prices", List.of(Map.of("validFrom",
                "2025-01-01", "perKg", 480)))));
    String std = "/tenants/{tenant}/programmes/{id}/grading-standards";
    conforms(201, "POST", std, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard));
    conforms(200, "GET", std, api.get(RW_ADMIN, T + "programmes/" + p + "/grading-standards"));
    conforms(200, "GET", std + "/current", api.get(RW_ADMIN, T + "programmes/" + p + "/grading-standards/current"));
    conforms(200, "POST", "/tenants/{tenant}/programmes/{id}/grade-preview", api.post(RW_AGENT, T + "programmes/"
        + p + "/grade-preview", Map.of("measurements", coffee("96", "2", "11"))));
    String f = ValueChainIT.farmer(api, "female", RW_COOP_ID, p);
    String plot = ValueChainIT.plot(api, f, 30.1701, -1.9601, 60).path("id").asText();

    Api.Res order = conforms(201, "POST", "/tenants/{tenant}/orders", api.post(RW_ADMIN, T + "orders",
        Map.of("number", "PO-" + p, "programmeId", p, "buyer", Map.of("name", "Kaffee Import GmbH", "country", "DE",
            "export", true), "lines", List.of(Map.of("commodity", "coffee cherry", "grade", "A", "quantityKg", 100,
                "pricePerKg", 700, "deliveryFrom", "2026-01-01")))));
    String o = order.json().path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/orders", api.get(RW_ADMIN, T + "orders?size=5"));
    Api.Res confirmed = conforms(200, "POST", "/tenants/{tenant}/orders/{id}/status", api.send(RW_ADMIN, "POST",
        T + "orders/" + o + "/status", Map.of("status", "confirmed"), order.etag(), null));
    conforms(200, "GET", "/tenants/{tenant}/orders/{id}", api.get(RW_ADMIN, T + "orders/" + o));
    assertEquals(confirmed.json(), api.get(RW_ADMIN, T + "orders/" + o).json());
    conforms(201, "POST", "/tenants/{tenant}/orders/{id}/plan", api.post(RW_ADMIN, T + "orders/" + o + "/plan",
        Map.of("yieldKgPerMu", 300)));
    conforms(200, "GET", "/tenants/{tenant}/orders/{id}/plan", api.get(RW_ADMIN, T + "orders/" + o + "/plan"));
    conforms(200, "GET", "/tenants/{tenant}/farmers/{id}/quotas", api.get(RW_ADMIN, T + "farmers/" + f
        + "/quotas"));

    Api.Res intake = conforms(201, "POST", "/tenants/{tenant}/intakes", api.post(RW_AGENT, T + "intakes",
        Map.of("farmerId", f, "plotId", plot, "harvestDate", "2026-05-10", "grossKg", 100, "lots", List.of(
            Map.of("kg", 60, "measurements", coffee("96", "2", "11")), Map.of("kg", 30, "measurements",
                coffee("80", "9", "12"))))));
    String a = intake.json().path("lots").get(0).path("id").asText();
    String b = intake.json().path("lots").get(1).path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/lots", api.get(RW_ADMIN, T + "lots?size=5"));
    Api.Res lot = conforms(200, "GET", "/tenants/{tenant}/lots/{id}", api.get(RW_ADMIN, T + "lots/" + a));
    conforms(200, "POST", "/tenants/{tenant}/lots/{id}/corrections", api.send(RW_ADMIN, "POST", T + "lots/" + b
        + "/corrections", Map.of("reason", "scale recalibrated", "kg", 29), api.get(RW_ADMIN, T + "lots/" + b)
        .etag(), null));
    Api.Res wh = conforms(201, "POST", "/tenants/{tenant}/warehouses", api.post(RW_ADMIN, T + "warehouses",
        Map.of("name", "Contract mill " + p, "region", "Northern")));
    String w = wh.json().path("id").asText();
    conforms(200, "GET", "/tenants/{tenant}/warehouses", api.get(RW_ADMIN, T + "warehouses"));
    conforms(200, "POST", "/tenants/{tenant}/warehouses/{id}/receipts", api.post(RW_ADMIN, T + "warehouses/" + w
        + "/receipts", Map.of("lotIds", List.of(a, b))));
    conforms(200, "GET", "/tenants/{tenant}/stock", api.get(RW_ADMIN, T + "stock?warehouseId=" + w));
    conforms(200, "POST", "/tenants/{tenant}/orders/{id}/lines/{line}/allocations", api.post(RW_ADMIN,
        T + "orders/" + o + "/lines/L1/allocations", Map.of("lotIds", List.of(a))));
    conforms(201, "POST", "/tenants/{tenant}/transformations", api.post(RW_ADMIN, T + "transformations",
        Map.of("kind", "sorting", "inputLotIds", List.of(b), "outputs", List.of(Map.of("commodity", "coffee cherry",
            "grade", "B", "kg", 20)))));
    Api.Res ship = conforms(201, "POST", "/tenants/{tenant}/orders/{id}/shipments", api.post(RW_ADMIN,
        T + "orders/" + o + "/shipments", Map.of("lotIds", List.of(a), "destination", "Hamburg, DE")));
    conforms(200, "GET", "/tenants/{tenant}/orders/{id}/shipments", api.get(RW_ADMIN, T + "orders/" + o
        + "/shipments"));
    conforms(200, "POST", "/tenants/{tenant}/shipments/{id}/delivery", api.send(RW_ADMIN, "POST", T + "shipments/"
        + ship.json().path("id").asText() + "/delivery", null, ship.etag(), null));
    conforms(200, "GET", "/tenants/{tenant}/orders/{id}/progress", api.get(RW_ADMIN, T + "orders/" + o
        + "/progress"));

    conforms(200, "GET", "/tenants/{tenant}/lots/{id}/verification", api.get(RW_ADMIN, T + "lots/" + a
        + "/verification"));
    JsonNode l = lot.json();
    conforms(200, "GET", "/trace/{gtin}/{lot}", api.get(null, "trace/" + l.path("gtin").asText() + "/"
        + l.path("code").asText()));

    String season = "&season=2026&programmeId=" + p;
    conforms(200, "GET", "/tenants/{tenant}/impact", api.get(DONOR, T + "impact?level=programme" + season));
    conforms(200, "GET", "/tenants/{tenant}/impact", api.get(RW_ADMIN, T + "impact?level=farmer&id=" + f + season));
    conforms(200, "GET", "/tenants/{tenant}/impact/cooperatives", api.get(DONOR, T + "impact/cooperatives?"
        + season.substring(1)));
    conforms(200, "POST", "/tenants/{tenant}/impact/recompute", api.post(RW_ADMIN, T + "impact/recompute",
        Map.of()));
  }

  private String programme() {
    Api.Res r = api.post(RW_ADMIN, T + "programmes", Map.of("name", "Contract " + UUID.randomUUID(), "commodity",
        "coffee cherry"));
    assertEquals(201, r.status(), r.toString());
    String id = r.json().path("id").asText();
    fund(id);
    return id;
  }

  /** The demo donor's funder funds the programme: the donor reads its figures. */
  private Api.Res fund(String programmeId) {
    return api.post(RW_ADMIN, T + "funding", Map.of("programmeId", programmeId, "funderName", "Contract Fund",
        "funderType", "60", "amount", 1000, "currency", "USD", "start", "2026-01-01", "end", "2026-12-31", "donors",
        List.of("donor")));
  }
}
