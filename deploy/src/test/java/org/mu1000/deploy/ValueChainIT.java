package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_AGENT;
import static org.mu1000.deploy.Fixture.RW_COOP_ID;
import static org.mu1000.deploy.Fixture.RW_OTHER_COOP_ID;
import static org.mu1000.deploy.Fixture.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole value chain over REST with real tokens: grading standard → order → plan → intake → warehouse →
 * correction → transformation → allocation → shipment → delivery, then the EPCIS export against the official
 * schema, tamper detection on the stored events, the public trace page, and the impact figures to the cent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ValueChainIT {
  static final String T = "tenants/rwanda/";
  static final BigDecimal RATE = new BigDecimal("1462.00"); // the rwanda template's rate from 2026-01-01
  static final BigDecimal M2_PER_MU = new BigDecimal("666.6667");

  @ArquillianResource
  URL url;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  static Map<String, Object> coffee(String ripe, String defects, String moisture) {
    return Map.of("ripe", new BigDecimal(ripe), "defects", new BigDecimal(defects), "moisture",
        new BigDecimal(moisture));
  }

  static BigDecimal usd(String kg, String price) {
    return new BigDecimal(kg).multiply(new BigDecimal(price)).divide(RATE, 10, RoundingMode.HALF_EVEN);
  }

  static BigDecimal perMu(BigDecimal usd, BigDecimal m2) {
    return usd.multiply(M2_PER_MU).divide(m2, 10, RoundingMode.HALF_EVEN).setScale(2, RoundingMode.HALF_EVEN);
  }

  static BigDecimal dec(JsonNode n) {
    return new BigDecimal(n.asText());
  }

  @Test
  void orderToConsumer() throws Exception {
    Api api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    String name = "vc-" + UUID.randomUUID().toString().substring(0, 8);

    // 1. a programme and its grading standard (tenant admin)
    Api.Res prog0 = api.post(RW_ADMIN, T + "programmes", Map.of("name", "Coffee flow " + name,
        "commodity", "coffee cherry"));
    assertEquals(201, prog0.status(), prog0.toString());
    String p = prog0.json().path("id").asText();
    Map<String, Object> standard = Map.of("commodity", "coffee cherry",
        "measures", List.of(Map.of("key", "ripe", "label", "Ripe %"), Map.of("key", "defects", "label", "Defects"),
            Map.of("key", "moisture", "label", "Moisture %")),
        "grades", List.of(
            Map.of("code", "A", "name", "Specialty", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 95),
                Map.of("measure", "defects", "op", "<=", "value", 5), Map.of("measure", "moisture", "op", "<=",
                    "value", 12.5)), "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 650))),
            Map.of("code", "B", "name", "Premium", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 85)),
                "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 480)))));
    Api.Res std = api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard);
    assertEquals(201, std.status(), std.toString());
    assertEquals(1, std.json().path("version").asInt());
    assertProblem(api.post(RW_AGENT, T + "programmes/" + p + "/grading-standards", standard), 403);
    Api.Res bad = api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", Map.of("commodity", "x",
        "measures", List.of(Map.of("key", "ripe", "label", "r")), "grades", List.of(Map.of("code", "A", "name", "a",
            "rules", List.of(Map.of("measure", "sugar", "op", ">=", "value", 1))))));
    assertProblem(bad, 400);
    assertTrue(bad.body().contains("grades[0].rules[0].measure"), bad.body());
    assertEquals("A", api.post(RW_AGENT, T + "programmes/" + p + "/grade-preview",
        Map.of("measurements", coffee("96", "2", "11"))).json().path("grade").asText());

    // 2. farmers enrolled in the programme: a woman of Abakundakawa with two plots (one will deliver nothing)
    //    and a man of KOPAKAMA
    String f1 = farmer(api, "female", RW_COOP_ID, p);
    String f2 = farmer(api, "male", RW_OTHER_COOP_ID, p);
    String f3 = farmer(api, "male", RW_COOP_ID, p);
    JsonNode plot1 = plot(api, f1, 30.0601, -1.9501, 60);
    JsonNode plot1b = plot(api, f1, 30.0701, -1.9501, 30);
    JsonNode plot2 = plot(api, f2, 29.3301, -1.9401, 50);
    JsonNode plot3 = plot(api, f3, 30.0801, -1.9501, 40);
    BigDecimal a1 = dec(plot1.path("areaM2"));
    BigDecimal a1b = dec(plot1b.path("areaM2"));
    BigDecimal a2 = dec(plot2.path("areaM2"));
    BigDecimal a3 = dec(plot3.path("areaM2"));

    // 3. a buyer's order, confirmed, planned by area × yield, adjusted by the coop manager
    Api.Res order = api.post(RW_ADMIN, T + "orders", Map.of("number", "PO-" + p, "programmeId", p,
        "buyer", Map.of("name", "Kaffee Import GmbH", "country", "DE", "export", true),
        "lines", List.of(Map.of("commodity", "coffee cherry", "grade", "A", "quantityKg", 129.5, "pricePerKg", 700,
            "deliveryFrom", "2026-01-01"), Map.of("commodity", "coffee cherry", "grade", "B", "quantityKg", 34,
                "pricePerKg", 500, "deliveryFrom", "2026-01-01"))));
    assertEquals(201, order.status(), order.toString());
    String orderId = order.json().path("id").asText();
    assertEquals("draft", order.json().path("status").asText());
    assertProblem(api.post(RW_ADMIN, T + "orders/" + orderId + "/plan", Map.of("yieldKgPerMu", 300)), 409);
    Api.Res confirmed = api.send(RW_ADMIN, "POST", T + "orders/" + orderId + "/status",
        Map.of("status", "confirmed"), order.etag(), null);
    assertEquals(200, confirmed.status(), confirmed.toString());
    Api.Res plan = api.post(RW_ADMIN, T + "orders/" + orderId + "/plan", Map.of("yieldKgPerMu", 300));
    assertEquals(201, plan.status(), plan.toString());
    JsonNode line = plan.json().path("lines").get(0);
    assertEquals(0, new BigDecimal("129.5").compareTo(sumQuotas(line)), "quotas add up to the order");
    Api.Res adjusted = api.send("rwanda.coop", "PUT", T + "orders/" + orderId + "/plan/lines/L1/coops/" + RW_COOP_ID,
        Map.of("quotas", Map.of(f1, 10)), plan.etag(), null);
    assertEquals(200, adjusted.status(), adjusted.toString());
    assertEquals(0, new BigDecimal("129.5").compareTo(sumQuotas(adjusted.json().path("lines").get(0))));
    JsonNode coop1 = adjusted.json().path("lines").get(0).path("coops").get(0);
    assertEquals(RW_COOP_ID, coop1.path("cooperativeId").asText());
    BigDecimal coopTotal = dec(coop1.path("quotaKg"));
    for (JsonNode fq : coop1.path("farmers")) {
      BigDecimal expected = fq.path("farmerId").asText().equals(f1) ? new BigDecimal("10") : coopTotal.subtract(
          BigDecimal.TEN);
      assertEquals(0, expected.compareTo(dec(fq.path("quotaKg"))), coop1.toString());
    }
    assertProblem(api.send("rwanda.coop", "PUT", T + "orders/" + orderId + "/plan/lines/L1/coops/" + RW_COOP_ID,
        Map.of("quotas", Map.of(f1, 10)), plan.etag(), null), 412);
    assertProblem(api.send("rwanda.coop", "PUT", T + "orders/" + orderId + "/plan/lines/L1/coops/"
        + RW_OTHER_COOP_ID, Map.of("quotas", Map.of(f2, 1)), adjusted.etag(), null), 403);

    // 4. intake: one delivery split into an A and a B lot; the agent may not serve another coop's farmer
    Api.Res intake = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f1, "plotId", plot1.path("id").asText(),
        "harvestDate", "2026-05-10", "grossKg", 120, "lots", List.of(Map.of("kg", 80, "measurements",
            coffee("96", "2", "11")), Map.of("kg", 35, "measurements", coffee("88", "9", "12")))));
    assertEquals(201, intake.status(), intake.toString());
    JsonNode lotA1 = intake.json().path("lots").get(0);
    JsonNode lotB1 = intake.json().path("lots").get(1);
    assertEquals("A", lotA1.path("grade").asText());
    assertEquals("B", lotB1.path("grade").asText());
    assertTrue(intake.json().path("receiptText").asText().length() <= 160);
    assertTrue(lotA1.path("digitalLink").asText().endsWith("/01/" + lotA1.path("gtin").asText() + "/10/"
        + lotA1.path("code").asText()), lotA1.toString());
    Api.Res pdf = api.get(RW_AGENT, T + "deliveries/" + intake.json().path("deliveryId").asText() + "/receipt");
    assertEquals(200, pdf.status());
    assertTrue(new String(pdf.bytes(), 0, 5).startsWith("%PDF"), "a PDF");
    Api.Res notMine = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f2, "plotId", plot2.path("id").asText(),
        "harvestDate", "2026-05-10", "grossKg", 10));
    assertProblem(notMine, 400);
    // the farmer's enrolment answers the usual case in one read; whatever it does not confirm, the registry decides
    Api.Res otherPlot = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f1, "plotId",
        plot3.path("id").asText(), "harvestDate", "2026-05-10", "grossKg", 10));
    assertProblem(otherPlot, 400);
    assertTrue(otherPlot.body().contains("is not a plot of farmer " + f1), otherPlot.body());
    String gone = farmer(api, "male", RW_COOP_ID, p);
    JsonNode gonePlot = plot(api, gone, 30.0901, -1.9601, 30);
    Api.Res goneNow = api.get(RW_ADMIN, T + "farmers/" + gone);
    assertEquals(204, api.send(RW_ADMIN, "DELETE", T + "farmers/" + gone, null, goneNow.etag(), null).status());
    Api.Res deleted = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", gone, "plotId",
        gonePlot.path("id").asText(), "harvestDate", "2026-05-10", "grossKg", 10));
    assertProblem(deleted, 400);
    assertTrue(deleted.body().contains("no farmer " + gone), deleted.body());
    Api.Res nullLot = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f1, "plotId", plot1.path("id").asText(),
        "harvestDate", "2026-05-10", "grossKg", 10, "lots", java.util.Arrays.asList((Object) null)));
    assertProblem(nullLot, 400);
    assertTrue(nullLot.body().contains("lots[0].kg"), nullLot.body());
    Api.Res missing = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f1, "plotId", plot1.path("id").asText(),
        "harvestDate", "2026-05-10", "grossKg", 10, "lots", List.of(Map.of("kg", 11, "measurements",
            Map.of("ripe", 90)))));
    assertProblem(missing, 400);
    assertTrue(missing.body().contains("lots[0].measurements.moisture") && missing.body().contains("\"lots\""),
        missing.body());
    Api.Res intake2 = api.post(RW_ADMIN, T + "intakes", Map.of("farmerId", f2, "plotId", plot2.path("id").asText(),
        "harvestDate", "2026-06-15", "grossKg", 50, "lots", List.of(Map.of("kg", 50, "measurements",
            coffee("97", "1", "10.5")))));
    assertEquals(201, intake2.status(), intake2.toString());
    JsonNode lotA2 = intake2.json().path("lots").get(0);

    // 5. the warehouse receives the lots; stock by commodity and grade
    Api.Res wh = api.post(RW_ADMIN, T + "warehouses", Map.of("name", "Rushashi dry mill " + p, "region",
        "Northern Province"));
    assertEquals(201, wh.status(), wh.toString());
    String whId = wh.json().path("id").asText();
    List<String> three = List.of(lotA1.path("id").asText(), lotB1.path("id").asText(), lotA2.path("id").asText());
    assertEquals(200, api.post(RW_ADMIN, T + "warehouses/" + whId + "/receipts", Map.of("lotIds", three)).status());
    JsonNode stock = api.get(RW_ADMIN, T + "stock?warehouseId=" + whId).json();
    assertEquals(2, stock.size(), stock.toString());
    assertEquals(0, new BigDecimal("130").compareTo(dec(stock.get(0).path("kg"))), stock.toString());

    // 6. a correction is a new event: B lot 35 → 34 kg
    Api.Res b1 = api.get(RW_AGENT, T + "lots/" + lotB1.path("id").asText());
    Api.Res corrected = api.send(RW_AGENT, "POST", T + "lots/" + lotB1.path("id").asText() + "/corrections",
        Map.of("kg", 34, "reason", "scale re-calibrated"), b1.etag(), null);
    assertEquals(200, corrected.status(), corrected.toString());
    assertEquals(0, new BigDecimal("34").compareTo(dec(corrected.json().path("kg"))));

    // 7. blending the two A lots; mass cannot grow
    Api.Res grow = api.post(RW_ADMIN, T + "transformations", Map.of("kind", "blending", "inputLotIds",
        List.of(lotA1.path("id").asText(), lotA2.path("id").asText()), "outputs", List.of(Map.of("commodity",
            "coffee cherry", "grade", "A", "kg", 130.01))));
    assertProblem(grow, 400);
    assertTrue(grow.body().contains("\"outputs\""), grow.body());
    Api.Res blend = api.post(RW_ADMIN, T + "transformations", Map.of("kind", "blending", "inputLotIds",
        List.of(lotA1.path("id").asText(), lotA2.path("id").asText()), "outputs", List.of(Map.of("commodity",
            "coffee cherry", "grade", "A", "kg", 129.5))));
    assertEquals(201, blend.status(), blend.toString());
    assertEquals(0, new BigDecimal("0.5").compareTo(dec(blend.json().path("lossKg"))));
    JsonNode blended = blend.json().path("outputs").get(0);
    String bl = blended.path("id").asText();

    // 8. allocate, ship, deliver: the order is fulfilled
    assertProblem(api.post(RW_ADMIN, T + "orders/" + orderId + "/lines/L1/allocations",
        Map.of("lotIds", List.of(lotB1.path("id").asText()))), 400);
    assertEquals(200, api.post(RW_ADMIN, T + "orders/" + orderId + "/lines/L1/allocations",
        Map.of("lotIds", List.of(bl))).status());
    assertEquals(200, api.post(RW_ADMIN, T + "orders/" + orderId + "/lines/L2/allocations",
        Map.of("lotIds", List.of(lotB1.path("id").asText()))).status());
    Api.Res ship = api.post(RW_ADMIN, T + "orders/" + orderId + "/shipments", Map.of("lotIds", List.of(bl,
        lotB1.path("id").asText()), "destination", "Hamburg, DE"));
    assertEquals(201, ship.status(), ship.toString());
    assertEquals("in-delivery", api.get(RW_ADMIN, T + "orders/" + orderId).json().path("status").asText());
    assertProblem(api.send(RW_AGENT, "POST", T + "shipments/" + ship.json().path("id").asText() + "/delivery",
        null, ship.etag(), null), 403);
    Api.Res delivered = api.send(RW_ADMIN, "POST", T + "shipments/" + ship.json().path("id").asText() + "/delivery",
        null, ship.etag(), null);
    assertEquals(200, delivered.status(), delivered.toString());
    assertEquals("fulfilled", api.get(RW_ADMIN, T + "orders/" + orderId).json().path("status").asText());

    // 9. the EPCIS export is valid against the official schema and holds every kind of step
    Api.Res epcis = api.get(RW_ADMIN, T + "lots/" + bl + "/events");
    assertEquals(200, epcis.status(), epcis.toString());
    assertSchemaValid(epcis.json());
    List<String> types = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    boolean po = false;
    for (JsonNode e : epcis.json().path("epcisBody").path("eventList")) {
      types.add(e.path("type").asText());
      steps.add(e.path("bizStep").asText());
      po |= e.path("bizTransactionList").toString().contains(orderId);
      assertTrue(e.path("mu1000:hash").asText().matches("[0-9a-f]{64}"), e.toString());
    }
    assertTrue(types.containsAll(List.of("ObjectEvent", "TransformationEvent", "AggregationEvent")), types.toString());
    assertTrue(steps.containsAll(List.of("commissioning", "receiving", "creating_class_instance", "reserving",
        "packing", "shipping")), steps.toString());
    assertTrue(po, "the purchase order is in bizTransactionList");
    JsonNode verified = api.get(RW_ADMIN, T + "lots/" + bl + "/verification").json();
    assertTrue(verified.path("intact").asBoolean(), verified.toString());
    assertEquals(3, verified.path("lots").size(), "the blend and its two sources");

    // 10. the public page: no sign-in, origin and steps, no personal data
    String path = "trace/" + blended.path("gtin").asText() + "/" + blended.path("code").asText();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> pub = http.send(HttpRequest.newBuilder(Deployments.base(url).resolve("api/v1/" + path))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, pub.statusCode(), pub.body());
    JsonNode page = Api.JSON.readTree(pub.body());
    assertTrue(pub.body().contains("Abakundakawa") && pub.body().contains("KOPAKAMA") && pub.body().contains(
        "Northern Province"), pub.body());
    assertEquals("2026-05-10", page.path("harvestFrom").asText());
    assertTrue(page.path("certifications").toString().contains("Fairtrade"), page.toString());
    assertTrue(page.path("chainIntact").asBoolean());
    String farmerName = api.get(RW_ADMIN, T + "farmers/" + f1).json().path("familyName").asText();
    for (String secret : List.of(farmerName, "+2507", "30.0601", f1, plot1.path("id").asText())) {
      assertFalse(pub.body().contains(secret), "the public page shows " + secret);
    }
    HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(Deployments.base(url).resolve("api/v1/" + path
        + "/qr.png")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode());
    assertEquals((byte) 0x89, png.body()[0]);
    assertEquals('P', png.body()[1]);
    assertEquals(404, http.send(HttpRequest.newBuilder(Deployments.base(url).resolve("api/v1/trace/"
        + blended.path("gtin").asText() + "/NOSUCHLOT")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    // another tenant's token gets "does not exist" on every value-chain endpoint of this tenant
    String delivery = intake.json().path("deliveryId").asText();
    for (String other : List.of("lots/" + bl, "lots/" + bl + "/events", "lots/" + bl + "/verification",
        "lots/" + bl + "/qr.svg", "lots", "orders", "orders/" + orderId, "orders/" + orderId + "/plan",
        "orders/" + orderId + "/progress", "orders/" + orderId + "/shipments", "stock", "warehouses",
        "deliveries/" + delivery + "/receipt", "farmers/" + f1 + "/quotas", "programmes/" + p + "/grading-standards",
        "impact?level=programme&season=2026&programmeId=" + p, "impact/cooperatives?season=2026&programmeId=" + p)) {
      assertProblem(api.get("ethiopia.admin", T + other), 404);
    }
    assertProblem(api.post("ethiopia.admin", T + "intakes", Map.of("farmerId", f1, "plotId",
        plot1.path("id").asText(), "harvestDate", "2026-05-10", "grossKg", 1)), 404);
    assertProblem(api.post("ethiopia.admin", T + "impact/recompute", Map.of()), 404);

    // 11. tamper with a stored event: the verification names the lot and the first broken event
    try (MongoClient mongo = MongoClients.create(Deployments.mongoUri())) {
      MongoCollection<Document> events = mongo.getDatabase("mu1000_rwanda").getCollection("epcis_events");
      // the lot's first event in its chain (recordedAt strings of one second do not sort in time)
      Document first = events.find(Filters.eq("positions." + lotA2.path("id").asText(), 0)).first();
      String original = first.getString("body");
      events.updateOne(Filters.eq("_id", first.get("_id")), Updates.set("body", original.replace("commissioning",
          "decommissioning")));
      JsonNode broken = api.get(RW_ADMIN, T + "lots/" + bl + "/verification").json();
      assertFalse(broken.path("intact").asBoolean(), broken.toString());
      JsonNode bad2 = null;
      for (JsonNode l : broken.path("lots")) {
        if (!l.path("intact").asBoolean()) {
          bad2 = l;
        }
      }
      assertEquals(lotA2.path("id").asText(), bad2.path("lotId").asText(), broken.toString());
      assertEquals(0, bad2.path("brokenAt").asInt());
      assertEquals(first.getString("_id"), bad2.path("brokenEventId").asText());
      assertFalse(Api.JSON.readTree(http.send(HttpRequest.newBuilder(Deployments.base(url).resolve("api/v1/" + path))
          .build(), HttpResponse.BodyHandlers.ofString()).body()).path("chainIntact").asBoolean());
      events.updateOne(Filters.eq("_id", first.get("_id")), Updates.set("body", original));
      assertTrue(api.get(RW_ADMIN, T + "lots/" + bl + "/verification").json().path("intact").asBoolean());
    }

    // 12. impact to the cent: the A lots at their reference price (the blend made of them was allocated, not
    //     they), the corrected B lot at its order line's price; FX 1462; farmer 1 over both plots (one without
    //     lots), the coops and the programme
    BigDecimal u1 = usd("80", "650").add(usd("34", "500"));
    BigDecimal u2 = usd("50", "650");
    String season = "&season=2026&programmeId=" + p;
    JsonNode fig1 = api.get(RW_ADMIN, T + "impact?level=farmer&id=" + f1 + season).json();
    assertEquals(perMu(u1, a1.add(a1b)), dec(fig1.path("usdPerMu")), fig1.toString());
    JsonNode plotFig = api.get(RW_ADMIN, T + "impact?level=plot&id=" + plot1.path("id").asText() + season).json();
    assertEquals(perMu(u1, a1), dec(plotFig.path("usdPerMu")), plotFig.toString());
    JsonNode coop2 = api.get(RW_ADMIN, T + "impact?level=coop&id=" + RW_OTHER_COOP_ID + season).json();
    assertEquals(perMu(u2, a2), dec(coop2.path("usdPerMu")), coop2.toString());
    JsonNode prog = api.get(RW_ADMIN, T + "impact?level=programme" + season).json();
    // a donor whose funder does not fund this programme does not see it (funded ones: TrainingIT, SecurityIT)
    assertEquals(404, api.get("donor", T + "impact?level=programme" + season).status());
    assertEquals(perMu(u1.add(u2), a1.add(a1b).add(a2).add(a3)), dec(prog.path("usdPerMu")), prog.toString());
    JsonNode coop1Fig = api.get(RW_ADMIN, T + "impact?level=coop&id=" + RW_COOP_ID + season).json();
    assertEquals(perMu(u1, a1.add(a1b).add(a3)), dec(coop1Fig.path("usdPerMu")), coop1Fig.toString());
    assertEquals(2, prog.path("deliveringFarmers").asInt());
    assertEquals(0, new BigDecimal("0.5").compareTo(dec(prog.path("womenShare"))), prog.toString());
    assertEquals(0, u1.add(u2).compareTo(dec(prog.path("valueUsd"))), prog.toString());

    // quotas as the farmer sees them, and the order's progress: lots of the line's commodity and grade
    JsonNode quotas = api.get(RW_ADMIN, T + "farmers/" + f1 + "/quotas").json();
    assertEquals(2, quotas.size(), quotas.toString());
    for (JsonNode q : quotas) {
      boolean a = q.path("lineId").asText().equals("L1");
      if (a) {
        assertEquals(0, BigDecimal.TEN.compareTo(dec(q.path("quotaKg"))), q.toString());
      }
      assertEquals(0, new BigDecimal(a ? "80" : "34").compareTo(dec(q.path("deliveredKg"))), q.toString());
    }
    JsonNode progress = api.get(RW_ADMIN, T + "orders/" + orderId + "/progress").json();
    assertEquals(0, new BigDecimal("163.5").compareTo(dec(progress.path("quotaKg"))), progress.toString());
    assertEquals(0, new BigDecimal("164").compareTo(dec(progress.path("deliveredKg"))), progress.toString());
    assertEquals(2, progress.path("lines").size());

    // 13. the admin recompute gives identical rollups
    Api.Res re = api.post(RW_ADMIN, T + "impact/recompute", Map.of());
    assertEquals(200, re.status(), re.toString());
    assertTrue(re.json().path("identical").asBoolean(), re.toString());
    assertEquals(prog, api.get(RW_ADMIN, T + "impact?level=programme" + season).json());
    assertProblem(api.post("donor", T + "impact/recompute", Map.of()), 403);
  }

  private static BigDecimal sumQuotas(JsonNode line) {
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode c : line.path("coops")) {
      for (JsonNode f : c.path("farmers")) {
        sum = sum.add(dec(f.path("quotaKg")));
      }
    }
    return sum;
  }

  /**
   * Intake keeps programmes, cooperatives and the current standard for a few seconds; a change made through the
   * server must still be seen by the very next intake.
   */
  @Test
  void intakeSeesProgrammeAndStandardChangesAtOnce() throws Exception {
    Api api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    String p = coffeeProgramme(api, "Cached");
    java.util.function.IntFunction<Map<String, Object>> standard = ripeForA -> Map.of("commodity", "coffee cherry",
        "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")),
        "grades", List.of(Map.of("code", "A", "name", "A", "rules", List.of(Map.of("measure", "ripe", "op", ">=",
            "value", ripeForA)), "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 600))),
            Map.of("code", "B", "name", "B", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 50)),
                "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 400)))));
    assertEquals(201, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard.apply(90)).status());
    String f = farmer(api, "female", RW_COOP_ID, p);
    String plot = plot(api, f, 30.0901, -1.9601, 30).path("id").asText();
    Map<String, Object> delivery = Map.of("farmerId", f, "plotId", plot, "programmeId", p, "harvestDate",
        "2026-05-10", "grossKg", 20, "lots", List.of(Map.of("kg", 20, "measurements", Map.of("ripe", 95))));

    JsonNode first = api.post(RW_AGENT, T + "intakes", delivery).json().path("lots").get(0);
    assertEquals("2026", first.path("season").asText(), first.toString());
    assertEquals("A", first.path("grade").asText());
    assertEquals(1, first.path("standardVersion").asInt());

    // the season moves to October–September, and A now needs 98 % ripe: the next intake follows both
    Api.Res current = api.get(RW_ADMIN, T + "programmes/" + p);
    Map<String, Object> moved = new HashMap<>(Map.of("name", current.json().path("name").asText(), "commodity",
        "coffee cherry", "seasonStart", "2025-10-01", "seasonEnd", "2026-09-30"));
    Api.Res updated = api.put(RW_ADMIN, T + "programmes/" + p, moved, current.etag());
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(201, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", standard.apply(98)).status());
    JsonNode second = api.post(RW_AGENT, T + "intakes", delivery).json().path("lots").get(0);
    assertEquals("2025", second.path("season").asText(), second.toString());
    assertEquals("B", second.path("grade").asText());
    assertEquals(2, second.path("standardVersion").asInt());
  }

  /**
   * Agents record intakes for one farmer at once while the farmer's plot is re-measured: the farmer's figures live on
   * their enrolment, which both change (increments against compare-and-set), and they must come out exact and equal
   * to a recompute from the raw lots.
   */
  @Test
  void concurrentIntakesAndAreaChangesKeepTheFiguresExact() throws Exception {
    Api api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    String p = coffeeProgramme(api, "Busy");
    assertEquals(201, api.post(RW_ADMIN, T + "programmes/" + p + "/grading-standards", Map.of("commodity",
        "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")), "grades", List.of(
            Map.of("code", "A", "name", "A", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 50)),
                "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 600)))))).status());
    String f = farmer(api, "female", RW_COOP_ID, p);
    String plot = plot(api, f, 30.1101, -1.9701, 30).path("id").asText();
    int agents = 6;
    int each = 10;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(agents + 1);
    List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
    for (int a = 0; a < agents; a++) {
      int agent = a;
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          int kg = 10 + agent * each + i; // 10 … 69 kg: every intake different
          Api.Res r = api.post(RW_AGENT, T + "intakes", Map.of("farmerId", f, "plotId", plot, "programmeId", p,
              "harvestDate", "2026-05-" + (10 + i), "grossKg", kg, "lots", List.of(Map.of("kg", kg,
                  "measurements", Map.of("ripe", 90)))));
          assertEquals(201, r.status(), r.toString());
        }
        return each;
      }));
    }
    done.add(pool.submit(() -> {
      for (int side = 31; side <= 60; side++) { // as many changes as it takes for some to meet an intake
        Api.Res cur = api.get(RW_ADMIN, T + "plots/" + plot);
        Api.Res r = api.put(RW_ADMIN, T + "plots/" + plot, Map.of("crop", "coffee", "geometry",
            Fixture.square(30.1101, -1.9701, side)), cur.etag());
        assertEquals(200, r.status(), r.toString());
      }
      return 0;
    }));
    for (var d : done) {
      d.get(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    pool.shutdown();
    BigDecimal area = dec(api.get(RW_ADMIN, T + "plots/" + plot).json().path("areaM2"));
    JsonNode fig = api.get(RW_ADMIN, T + "impact?level=farmer&id=" + f + "&season=2026&programmeId=" + p).json();
    assertEquals(agents * each, fig.path("lots").asInt(), fig.toString());
    assertEquals(0, BigDecimal.valueOf((10 + 69) * 60 / 2).compareTo(dec(fig.path("kg"))), fig.toString());
    assertEquals(0, area.compareTo(dec(fig.path("areaM2"))), "the last area counts: " + fig);
    JsonNode programme = api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + p).json();
    assertEquals(1, programme.path("deliveringFarmers").asInt(), programme.toString());
    assertEquals(1, programme.path("women").asInt(), programme.toString());
    Api.Res re = api.post(RW_ADMIN, T + "impact/recompute", Map.of());
    assertEquals(200, re.status(), re.toString());
    assertEquals(programme, api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + p).json(),
        "the programme's figures as the recompute has them");
    assertTrue(re.json().path("identical").asBoolean(), re.toString());
  }

  /**
   * A tenant hosted in its own country runs on a MongoDB of its own (config.mongoUri): intake claims the lot numbers in
   * the platform's index first, then writes the lot, its events and rollups on the tenant's server, and the public
   * page finds the lot through the index. Here the tenant's server is a second wire server started by the test.
   */
  @Test
  void aTenantOnItsOwnDatabaseRecordsIntakeThere() throws Exception {
    Api api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    de.bwaldvogel.mongo.MongoServer own = new de.bwaldvogel.mongo.MongoServer(
        org.mu1000.localmongo.EmbeddedBackends.memory());
    java.net.InetSocketAddress at = own.bind();
    String id = "own-" + UUID.randomUUID().toString().substring(0, 6);
    String t = "tenants/" + id + "/";
    String db = "mu1000_" + id.replace('-', '_');
    try (MongoClient ownClient = MongoClients.create("mongodb://127.0.0.1:" + at.getPort());
        MongoClient shared = MongoClients.create(Deployments.mongoUri())) {
      Api.Res created = api.post(Fixture.AGENCY, "platform/tenants", Map.of("config", Map.of("id", id, "name",
          "In-country " + id, "country", "RW", "currency", "RWF", "areaUnit", "ha", "languages", List.of("rw", "en"),
          "timezone", "Africa/Kigali", "povertyLine", 1500, "fxRates", List.of(Map.of("date", "2026-01-01",
              "rate", 1462)), "mongoUri", "mongodb://127.0.0.1:" + at.getPort())));
      assertEquals(201, created.status(), created.toString());
      assertTrue(created.json().path("dedicatedDatabase").asBoolean(), created.body());
      assertFalse(created.body().contains("mongodb://"), "the URI is never returned: " + created.body());

      Api.Res coop = api.post(Fixture.AGENCY, t + "cooperatives", Map.of("name", "Nyampinga", "region",
          "Southern Province"));
      assertEquals(201, coop.status(), coop.toString());
      String coopId = coop.json().path("id").asText();
      Api.Res prog = api.post(Fixture.AGENCY, t + "programmes", Map.of("name", "Own coffee", "commodity",
          "coffee cherry"));
      assertEquals(201, prog.status(), prog.toString());
      String p = prog.json().path("id").asText();
      assertEquals(201, api.post(Fixture.AGENCY, t + "programmes/" + p + "/grading-standards", Map.of("commodity",
          "coffee cherry", "measures", List.of(Map.of("key", "ripe", "label", "Ripe %")), "grades", List.of(
              Map.of("code", "A", "name", "A", "rules", List.of(Map.of("measure", "ripe", "op", ">=", "value", 90)),
                  "prices", List.of(Map.of("validFrom", "2025-01-01", "perKg", 650)))))).status());
      Map<String, Object> f = new HashMap<>(Fixture.farmer("Own", "Yy" + UUID.randomUUID().toString()
          .substring(0, 6), coopId));
      f.put("programmeIds", List.of(p));
      f.remove("nationalId");
      Api.Res farmer = api.post(Fixture.AGENCY, t + "farmers", f);
      assertEquals(201, farmer.status(), farmer.toString());
      String fid = farmer.json().path("id").asText();
      Api.Res plot = api.post(Fixture.AGENCY, t + "farmers/" + fid + "/plots", Map.of("crop", "coffee", "geometry",
          Fixture.square(29.7401, -2.5901, 40)));
      assertEquals(201, plot.status(), plot.toString());

      Api.Res intake = api.post(Fixture.AGENCY, t + "intakes", Map.of("farmerId", fid, "plotId",
          plot.json().path("id").asText(), "harvestDate", "2026-05-10", "grossKg", 100, "lots", List.of(
              Map.of("kg", 60, "measurements", Map.of("ripe", 95)), Map.of("kg", 40, "measurements",
                  Map.of("ripe", 70)))));
      assertEquals(201, intake.status(), intake.toString());
      JsonNode lot = intake.json().path("lots").get(0);
      assertEquals("A", lot.path("grade").asText());
      assertEquals("reject", intake.json().path("lots").get(1).path("grade").asText());

      // the lots, their events and rollups are on the tenant's server, not on the platform's
      for (JsonNode l : intake.json().path("lots")) {
        String lotId = l.path("id").asText();
        assertEquals(1, ownClient.getDatabase(db).getCollection("lots").countDocuments(Filters.eq("_id", lotId)));
        assertEquals(1, ownClient.getDatabase(db).getCollection("epcis_events").countDocuments(
            Filters.eq("lots", lotId)));
        assertEquals(0, shared.getDatabase(db).getCollection("lots").countDocuments(Filters.eq("_id", lotId)));
        Document claim = shared.getDatabase("mu1000").getCollection("trace_index").find(Filters.eq("_id",
            l.path("code").asText())).first();
        assertTrue(claim != null && id.equals(claim.getString("tenant")) && lotId.equals(claim.getString("lotId")),
            "the lot number is claimed in the platform's index: " + claim);
      }
      assertEquals(1, ownClient.getDatabase(db).getCollection("deliveries").countDocuments());
      JsonNode figures = api.get(Fixture.AGENCY, t + "impact?level=farmer&id=" + fid + "&season=2026&programmeId="
          + p).json();
      assertEquals(0, usd("60", "650").setScale(2, RoundingMode.HALF_EVEN).compareTo(
          dec(figures.path("valueUsd")).setScale(2, RoundingMode.HALF_EVEN)), figures.toString());
      assertTrue(api.get(Fixture.AGENCY, t + "lots/" + lot.path("id").asText() + "/verification").json()
          .path("intact").asBoolean());

      // the public page finds the lot through the platform's index and reads it from the tenant's server
      HttpResponse<String> pub = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Deployments.base(url)
          .resolve("api/v1/trace/" + lot.path("gtin").asText() + "/" + lot.path("code").asText())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, pub.statusCode(), pub.body());
      assertTrue(pub.body().contains("Nyampinga") && pub.body().contains("Southern Province"), pub.body());
      assertTrue(Api.JSON.readTree(pub.body()).path("chainIntact").asBoolean(), pub.body());

      // deleting the tenant drops its database and closes the app's connections to its server
      ownClient.close();
      assertTrue(connectionsTo(at.getPort()) > 0, "the app is connected to the tenant's server");
      String code = api.post(Fixture.AGENCY, "platform/tenants/" + id + "/deletion", null).json()
          .path("confirmation").asText();
      assertEquals(204, api.delete(Fixture.AGENCY, "platform/tenants/" + id + "?confirmation=" + code, null)
          .status());
      long until = System.nanoTime() + 10_000_000_000L;
      while (connectionsTo(at.getPort()) > 0 && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertEquals(0, connectionsTo(at.getPort()), "no connection to a deleted tenant's server stays open");
    } finally {
      own.shutdownNow();
    }
  }

  /** Established TCP connections accepted on a local port (Linux: /proc/net/tcp and tcp6). */
  private static long connectionsTo(int port) throws java.io.IOException {
    String local = String.format(":%04X ", port);
    long n = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      java.nio.file.Path p = java.nio.file.Path.of(table);
      if (java.nio.file.Files.exists(p)) {
        for (String line : java.nio.file.Files.readAllLines(p)) {
          String[] f = line.trim().split("\\s+");
          // sl local_address rem_address st …; state 01 is ESTABLISHED
          if (f.length > 3 && (f[1] + " ").endsWith(local) && f[3].equals("01")) {
            n++;
          }
        }
      }
    }
    return n;
  }

  static String farmer(Api api, String sex, String coop, String programme) {
    Map<String, Object> f = new HashMap<>(Fixture.farmer("Flow", "Zz" + UUID.randomUUID().toString()
        .substring(0, 6), coop));
    f.put("sex", sex);
    f.put("programmeIds", List.of(programme));
    f.remove("nationalId");
    Api.Res r = api.post(RW_ADMIN, T + "farmers", f);
    assertEquals(201, r.status(), r.toString());
    return r.json().path("id").asText();
  }

  /** A coffee programme of Rwanda whose 2026 season runs from March to July; returns its id. */
  private static String coffeeProgramme(Api api, String name) {
    Api.Res prog = api.post(RW_ADMIN, T + "programmes", Map.of("name", name + " " + UUID.randomUUID(),
        "commodity", "coffee cherry", "seasonStart", "2026-03-01", "seasonEnd", "2026-07-31"));
    assertEquals(201, prog.status(), prog.toString());
    return prog.json().path("id").asText();
  }

  static JsonNode plot(Api api, String farmer, double lon, double lat, double side) {
    Api.Res r = api.post(RW_ADMIN, T + "farmers/" + farmer + "/plots", Map.of("crop", "coffee", "geometry",
        Fixture.square(lon, lat, side)));
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  private static void assertSchemaValid(JsonNode doc) throws Exception {
    // the official GS1 schema, copied with its licence from ../shared/schemas/epcis-2.0 so a clean clone has it
    try (InputStream in = ValueChainIT.class.getResourceAsStream("/epcis-2.0/EPCIS-JSON-Schema.json")) {
      JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
      Set<ValidationMessage> errors = s.validate(doc);
      assertTrue(errors.isEmpty(), "EPCIS schema: " + errors + "\n" + doc);
    }
  }
}
