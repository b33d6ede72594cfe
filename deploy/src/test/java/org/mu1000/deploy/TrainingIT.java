package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mu1000.deploy.Fixture.DONOR;
import static org.mu1000.deploy.Fixture.ET_ADMIN;
import static org.mu1000.deploy.Fixture.RW_ADMIN;
import static org.mu1000.deploy.Fixture.RW_AGENT;
import static org.mu1000.deploy.Fixture.RW_COOP;
import static org.mu1000.deploy.Fixture.assertProblem;
import static org.mu1000.deploy.ValueChainIT.T;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training and jobs end to end: a course, a session, attendance one by one and from a sheet (every row checked first), and
 * the outcomes of trained beside not-yet-trained farmers, to the cent against the programme's own figure; donors
 * see courses and outcomes, with groups of fewer than five suppressed, and never sessions or attendance. Jobs
 * declared per cooperative and period, summed per programme with women's share.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrainingIT {
  @ArquillianResource
  URL url;

  Api api;
  PayoutFixture fixture;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @BeforeEach
  void setUp() {
    api = new Api(Deployments.base(url));
    Fixture.tenants(api);
    fixture = new PayoutFixture(api, null);
  }

  @Test
  void trainedFarmersAreCountedAndComparedWithThoseNotYetTrained() {
    PayoutFixture.Shipped s = fixture.shipped(6);
    PayoutFixture.Shipped other = fixture.shipped(1);
    fund(s.programme());

    // courses: administrators set them, field by field checked
    assertProblem(api.post(RW_COOP, T + "courses", Map.of("programmeId", s.programme(), "title", "Grading",
        "topic", "grading-standard")), 403);
    Api.Res bad = api.post(RW_ADMIN, T + "courses", Map.of("programmeId", "nope", "title", " ", "topic", "other"));
    assertProblem(bad, 400);
    assertTrue(bad.body().contains("title") && bad.body().contains("programmeId"), bad.body());
    assertProblem(api.post(RW_ADMIN, T + "courses", Map.of("programmeId", s.programme(), "title", "Grading",
        "topic", "juggling")), 400);
    Api.Res course = api.post(RW_ADMIN, T + "courses", Map.of("programmeId", s.programme(), "title",
        "Cherry grading to the A standard", "topic", "grading-standard"));
    assertEquals(201, course.status(), course.toString());
    String courseId = course.json().path("id").asText();
    assertProblem(api.post(RW_ADMIN, T + "courses", Map.of("programmeId", s.programme(), "title",
        "Cherry grading to the A standard", "topic", "grading-standard")), 400);

    // a session at the farmers' cooperative
    Api.Res late = api.post(RW_ADMIN, T + "training-sessions", Map.of("courseId", courseId, "cooperativeId",
        s.coop(), "date", "2099-01-01", "place", "Washing station", "trainer", "A. Uwase"));
    assertProblem(late, 400);
    assertTrue(late.body().contains("\"date\""), late.body());
    Api.Res session = api.post(RW_ADMIN, T + "training-sessions", Map.of("courseId", courseId, "cooperativeId",
        s.coop(), "date", "2026-04-20", "place", "Washing station", "trainer", "A. Uwase"));
    assertEquals(201, session.status(), session.toString());
    assertEquals(s.programme(), session.json().path("programmeId").asText());
    String sid = session.json().path("id").asText();
    String attend = T + "training-sessions/" + sid + "/attendance";

    // attendance one by one: a farmer of another programme refuses the request, nothing is recorded
    Api.Res refused = api.post(RW_ADMIN, attend, Map.of("farmerIds", List.of(s.farmers().get(0),
        other.farmers().get(0))));
    assertProblem(refused, 400);
    assertTrue(refused.body().contains("farmerIds[1]"), refused.body());
    assertEquals(0, api.get(RW_ADMIN, attend).json().size());
    JsonNode added = api.post(RW_ADMIN, attend, Map.of("farmerIds", s.farmers().subList(0, 2))).json();
    assertEquals(2, added.path("added").asInt(), added.toString());
    JsonNode again = api.post(RW_ADMIN, attend, Map.of("farmerIds", List.of(s.farmers().get(0)))).json();
    assertEquals(0, again.path("added").asInt());
    assertEquals(1, again.path("already").asInt(), "recorded once");

    // from a sheet: one bad row refuses the sheet; the corrected sheet records who attended, not who did not
    String sheet = T + "training-sessions/" + sid + "/attendance-sheets?format=csv";
    String rows = "farmerId;attended\n" + s.farmers().get(2) + ";yes\n" + s.farmers().get(3) + ";no\n";
    assertProblem(api.raw(RW_AGENT, "POST", sheet, "application/octet-stream", rows.getBytes(StandardCharsets.UTF_8)),
        404); // a field agent of another cooperative does not see the session
    Api.Res wrong = api.raw(RW_ADMIN, "POST", sheet, "application/octet-stream", (rows + "fa-missing;yes\n")
        .getBytes(StandardCharsets.UTF_8));
    assertProblem(wrong, 400);
    assertTrue(wrong.body().contains("rows[4].farmerId"), wrong.body());
    assertEquals(2, api.get(RW_ADMIN, attend).json().size(), "nothing of the refused sheet");
    Api.Res loaded = api.raw(RW_ADMIN, "POST", sheet, "application/octet-stream", rows.getBytes(
        StandardCharsets.UTF_8));
    assertEquals(200, loaded.status(), loaded.toString());
    assertEquals(1, loaded.json().path("added").asInt());
    assertEquals(3, loaded.json().path("attendees").asInt());
    JsonNode list = api.get(RW_ADMIN, attend).json();
    assertEquals(3, list.size());
    assertEquals("female", list.get(0).path("sex").asText());
    assertEquals("45-54", list.get(0).path("ageBand").asText(), "born 1980, trained in 2026");
    assertEquals(3, api.get(RW_ADMIN, T + "training-sessions/" + sid).json().path("attendees").asInt());

    // outcomes: three trained, three not yet, each farmer with the same lots and plot: both groups at the
    // programme's own USD per mu, to the cent
    String outcomes = T + "training/outcomes?programmeId=" + s.programme() + "&season=2026";
    JsonNode o = api.get(RW_ADMIN, outcomes).json();
    assertEquals(3, o.path("trainedFarmers").asInt(), o.toString());
    assertEquals(3, o.path("trainedWomen").asInt());
    assertEquals(3, o.path("ageBands").path("45-54").asInt(), o.toString());
    assertEquals(1, o.path("sessions").asInt());
    JsonNode programme = api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + s.programme())
        .json();
    BigDecimal usdPerMu = programme.path("usdPerMu").decimalValue();
    assertTrue(usdPerMu.signum() > 0, programme.toString());
    for (JsonNode g : o.path("groups")) {
      assertEquals(3, g.path("farmers").asInt(), g.toString());
      assertEquals(3, g.path("deliveringFarmers").asInt(), g.toString());
      assertEquals(0, usdPerMu.compareTo(g.path("usdPerMu").decimalValue()), g + " vs " + programme);
      assertEquals(0, BigDecimal.ONE.compareTo(g.path("gradeShare").path("A").decimalValue()), g.toString());
      assertEquals(0, new BigDecimal("30").compareTo(g.path("kgByGrade").path("A").decimalValue()), g.toString());
    }
    BigDecimal half = programme.path("valueUsd").decimalValue().divide(new BigDecimal(2));
    assertEquals(0, half.setScale(2, java.math.RoundingMode.HALF_EVEN).compareTo(o.path("groups").get(0)
        .path("valueUsd").decimalValue()), o + " vs " + programme);

    // donors: courses and outcomes, groups under five suppressed; never sessions or attendance
    assertEquals(200, api.get(DONOR, T + "courses?programmeId=" + s.programme()).status());
    JsonNode d = api.get(DONOR, outcomes).json();
    assertEquals(3, d.path("trainedFarmers").asInt());
    assertTrue(d.path("trainedWomen").isMissingNode() || d.path("trainedWomen").isNull(), d.toString());
    for (JsonNode g : d.path("groups")) {
      assertTrue(g.path("suppressed").asBoolean(), g.toString());
      assertTrue(g.path("usdPerMu").isMissingNode() || g.path("usdPerMu").isNull(), g.toString());
    }
    JsonNode few = api.get(DONOR, T + "impact?level=programme&season=2026&programmeId=" + other.programme()).json();
    assertEquals(404, few.path("status").asInt(), "a programme the donor's funder does not fund: " + few);
    assertTrue(api.get(DONOR, T + "programmes").body().contains(s.programme()));
    assertTrue(!api.get(DONOR, T + "programmes").body().contains(other.programme()), "only funded programmes");
    assertProblem(api.get(DONOR, T + "programmes/" + other.programme()), 404);
    assertProblem(api.get(DONOR, T + "training-sessions"), 403);
    assertProblem(api.get(DONOR, attend), 403);
    assertProblem(api.post(DONOR, attend, Map.of("farmerIds", s.farmers().subList(4, 5))), 403);

    // another tenant's administrator sees none of it
    assertTrue(api.get(ET_ADMIN, T + "courses").status() >= 403);
    assertTrue(api.get(ET_ADMIN, outcomes).status() >= 403);
  }

  /** Jobs beyond the farm: declared per cooperative and period, a period declared again replaced, summed per programme. */
  @Test
  void jobsAreDeclaredPerCooperativeAndPeriodAndSummedWithWomensShare() {
    PayoutFixture.Shipped s = fixture.shipped(1);
    PayoutFixture.Shipped other = fixture.shipped(1);
    fund(s.programme());
    assertProblem(api.get(DONOR, T + "jobs/summary?programmeId=" + other.programme()), 404);
    Map<String, Object> q1 = Map.of("programmeId", s.programme(), "cooperativeId", s.coop(), "period", "2026-Q1",
        "processing", Map.of("women", 6, "men", 4), "warehouses", Map.of("women", 1, "men", 3));
    Api.Res bad = api.put(RW_ADMIN, T + "jobs", Map.of("programmeId", s.programme(), "cooperativeId", s.coop(),
        "period", "2026-13", "logistics", Map.of("women", -1, "men", 0)), null);
    assertProblem(bad, 400);
    assertTrue(bad.body().contains("period") && bad.body().contains("logistics.women"), bad.body());
    assertProblem(api.put(RW_COOP, T + "jobs", q1, null), 400); // not a cooperative this manager manages
    assertProblem(api.put(DONOR, T + "jobs", q1, null), 403);
    assertEquals(200, api.put(RW_ADMIN, T + "jobs", q1, null).status());
    Map<String, Object> q2 = Map.of("programmeId", s.programme(), "cooperativeId", s.coop(), "period", "2026-Q2",
        "processing", Map.of("women", 7, "men", 4), "warehouses", Map.of("women", 1, "men", 3), "logistics",
        Map.of("women", 0, "men", 2));
    assertEquals(200, api.put(RW_ADMIN, T + "jobs", q2, null).status());
    Api.Res again = api.put(RW_ADMIN, T + "jobs", Map.of("programmeId", s.programme(), "cooperativeId", s.coop(),
        "period", "2026-Q2", "processing", Map.of("women", 8, "men", 4), "warehouses", Map.of("women", 1, "men", 3),
        "logistics", Map.of("women", 0, "men", 2)), null);
    assertEquals(200, again.status(), again.toString());
    assertEquals(2, api.get(RW_ADMIN, T + "jobs?programmeId=" + s.programme()).json().size(), "Q2 replaced");
    // a second cooperative of the same programme
    Api.Res created = api.post(RW_ADMIN, T + "cooperatives", Map.of("name", "Jobs coop " + s.coop()));
    assertEquals(201, created.status(), created.toString());
    String coop2 = created.json().path("id").asText();
    assertEquals(200, api.put(RW_ADMIN, T + "jobs", Map.of("programmeId", s.programme(), "cooperativeId", coop2,
        "period", "2026-05", "logistics", Map.of("women", 2, "men", 2)), null).status());

    JsonNode sum = api.get(DONOR, T + "jobs/summary?programmeId=" + s.programme()).json();
    assertEquals(22, sum.path("jobs").asInt(), sum.toString()); // Q2 of the first (18) and May of the second (4)
    assertEquals(11, sum.path("women").asInt(), sum.toString());
    assertEquals(0, new BigDecimal("0.5").compareTo(sum.path("womenShare").decimalValue()), sum.toString());
    assertEquals(12, sum.path("bySector").path("processing").path("women").asInt()
        + sum.path("bySector").path("processing").path("men").asInt(), sum.toString());
    assertEquals(2, sum.path("cooperatives").asInt());
    assertEquals(14, sum.path("byPeriod").path("2026-Q1").path("women").asInt()
        + sum.path("byPeriod").path("2026-Q1").path("men").asInt(), sum.toString());
    assertEquals(0, api.get(RW_ADMIN, T + "jobs/summary?programmeId=" + other.programme()).json().path("jobs")
        .asInt());
  }

  /**
   * A programme as an IATI 2.03 activity: valid against the official schema (the copy the application validates
   * with, in its resources), its USD per mu equal to the API's to the cent, trained farmers disaggregated by sex, the
   * funder as participating organisation; previewed by the funder's donor, published by an administrator.
   */
  @Test
  void aProgrammeIsPublishedToIatiWithTheApisFigures() throws Exception {
    PayoutFixture.Shipped s = fixture.shipped(3);
    PayoutFixture.Shipped unfunded = fixture.shipped(1);
    String course = api.post(RW_ADMIN, T + "courses", Map.of("programmeId", s.programme(), "title", "Post-harvest",
        "topic", "post-harvest")).json().path("id").asText();
    String sid = api.post(RW_ADMIN, T + "training-sessions", Map.of("courseId", course, "cooperativeId", s.coop(),
        "date", "2026-05-02", "place", "Station", "trainer", "J. Mukamana")).json().path("id").asText();
    assertEquals(200, api.post(RW_ADMIN, T + "training-sessions/" + sid + "/attendance", Map.of("farmerIds",
        s.farmers())).status());

    String preview = T + "programmes/" + s.programme() + "/iati-activity";
    // Ethiopia has no IATI publisher: its programmes cannot be previewed until an administrator sets one
    Api.Res created = api.post(ET_ADMIN, "tenants/ethiopia/programmes", Map.of("name", "IATI check "
        + java.util.UUID.randomUUID(), "commodity", "sesame"));
    assertEquals(201, created.status(), created.toString());
    String ethiopian = created.json().path("id").asText();
    Api.Res noPublisher = api.get(ET_ADMIN, "tenants/ethiopia/programmes/" + ethiopian + "/iati-activity");
    assertProblem(noPublisher, 422);
    assertTrue(noPublisher.body().contains("publisher"), noPublisher.body());
    Api.Res badOrg = api.put(RW_ADMIN, T + "iati/publisher", Map.of("ref", "x", "name", "", "type", "99"), null);
    assertProblem(badOrg, 400);
    assertTrue(badOrg.body().contains("\"ref\"") || badOrg.body().contains("ref"), badOrg.body());
    assertProblem(api.put(DONOR, T + "iati/publisher", Map.of("ref", "XM-MU1000-1", "name", "Agency", "type", "21"),
        null), 403);
    assertEquals(200, api.put(RW_ADMIN, T + "iati/publisher", Map.of("ref", "XM-MU1000-1", "name",
        "Mu1000 Agency", "type", "21"), null).status());
    Api.Res badFunding = api.post(RW_ADMIN, T + "funding", Map.of("programmeId", s.programme(), "funderName",
        "Example Foundation", "funderType", "60", "amount", -5, "currency", "USD", "start", "2026-12-31", "end",
        "2026-01-01"));
    assertProblem(badFunding, 400);
    assertTrue(badFunding.body().contains("amount") && badFunding.body().contains("end"), badFunding.body());
    Api.Res funded = api.post(RW_ADMIN, T + "funding", Map.of("programmeId", s.programme(), "funderName",
        "Example Foundation", "funderRef", "XM-EXAMPLE-60", "funderType", "60", "amount", 250000, "currency", "USD",
        "start", "2026-01-01", "end", "2026-12-31", "donors", List.of("donor")));
    assertEquals(201, funded.status(), funded.toString());

    Api.Res xml = api.get(RW_ADMIN, preview);
    assertEquals(200, xml.status(), xml.toString());
    assertTrue(xml.contentType().startsWith("application/xml"), xml.contentType());
    assertEquals(List.of(), iatiProblems(xml.body()), xml.body());
    org.w3c.dom.Document doc = parse(xml.body());
    javax.xml.xpath.XPath x = javax.xml.xpath.XPathFactory.newInstance().newXPath();
    assertEquals("XM-MU1000-1-rwanda-" + s.programme(), x.evaluate("//iati-identifier", doc));
    assertEquals("XM-EXAMPLE-60", x.evaluate("//participating-org[@role='1']/@ref", doc));
    assertEquals("250000", x.evaluate("//budget/value", doc));
    JsonNode figures = api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + s.programme())
        .json();
    BigDecimal usdPerMu = new BigDecimal(x.evaluate("//result[title/narrative='USD per mu of land']"
        + "/indicator/period/actual/@value", doc));
    assertEquals(0, figures.path("usdPerMu").decimalValue().compareTo(usdPerMu), figures + " vs " + usdPerMu);
    assertEquals("1000", x.evaluate("//result[title/narrative='USD per mu of land']/indicator/period/target/@value",
        doc));
    String trained = "//result[title/narrative='Farmers trained']/indicator/period/";
    assertEquals("3", x.evaluate(trained + "actual[not(dimension)]/@value", doc));
    assertEquals("3", x.evaluate(trained + "actual[dimension/@name='sex' and dimension/@value='female']/@value", doc));
    assertEquals("0", x.evaluate(trained + "actual[dimension/@name='sex' and dimension/@value='male']/@value", doc));
    assertEquals("100.00", x.evaluate("//result[title/narrative=\"Women's share of the farmers who delivered\"]"
        + "/indicator/period/actual/@value", doc));

    // the funder's donor previews it; a programme their funder does not fund is not there for them
    assertEquals(200, api.get(DONOR, preview).status());
    assertProblem(api.get(DONOR, T + "programmes/" + unfunded.programme() + "/iati-activity"), 404);
    JsonNode mine = api.get(DONOR, T + "funding").json();
    assertTrue(mine.toString().contains(s.programme()), mine.toString());
    for (JsonNode f : mine) {
      assertTrue(f.path("donors").toString().contains("\"donor\""), "only the donor's funder's: " + f);
    }

    // published by an administrator, in the tenant's file
    String publish = preview + "/publication";
    assertProblem(api.post(DONOR, publish, null), 403);
    assertProblem(api.post(RW_COOP, publish, null), 403);
    assertEquals(200, api.post(RW_ADMIN, publish, null).status());
    Api.Res file = api.get(DONOR, T + "iati/activities");
    assertEquals(200, file.status(), file.toString());
    assertEquals(List.of(), iatiProblems(file.body()), file.body());
    assertTrue(file.body().contains("XM-MU1000-1-rwanda-" + s.programme()), file.body());
  }

  /**
   * Reports to take away: a PDF in Chinese and in Amharic whose texts are in embedded fonts and can be read back, an
   * XLSX of the same figures (USD per mu equal to the API's); a donor gets only their funder's programmes, and a
   * programme of fewer than 5 farmers as "< 5".
   */
  @Test
  void aDonorTakesAwayAReportInTheirLanguageWithSmallCellsSuppressed() throws Exception {
    PayoutFixture.Shipped big = fixture.shipped(5);
    PayoutFixture.Shipped small = fixture.shipped(2);
    PayoutFixture.Shipped unfunded = fixture.shipped(1);
    fund(big.programme());
    fund(small.programme());
    JsonNode hidden = api.get(DONOR, T + "impact?level=programme&season=2026&programmeId=" + small.programme()).json();
    assertTrue(hidden.path("suppressed").asBoolean(), "2 farmers: no figure for a donor: " + hidden);
    assertTrue(hidden.path("usdPerMu").isMissingNode() || hidden.path("usdPerMu").isNull(), hidden.toString());
    assertTrue(api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + small.programme()).json()
        .path("usdPerMu").decimalValue().signum() > 0, "staff see the figure");
    JsonNode shown = api.get(DONOR, T + "impact?level=programme&season=2026&programmeId=" + big.programme()).json();
    assertTrue(!shown.path("suppressed").asBoolean() && shown.path("usdPerMu").decimalValue().signum() > 0,
        shown.toString());
    Map<String, Object> zh = Map.of("from", "2026-01-01", "to", "2026-12-31", "programmeIds", List.of(big.programme(),
        small.programme()), "indicators", List.of("usdPerMu", "farmers", "womenShare", "trainedFarmers", "usdPerMuNotYetTrained", "jobs"),
        "language", "zh", "format", "pdf");
    Api.Res pdf = api.post(DONOR, T + "reports", zh);
    assertEquals(200, pdf.status(), pdf.body());
    assertEquals("application/pdf", pdf.contentType());
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      for (var name : doc.getPage(0).getResources().getFontNames()) {
        var font = doc.getPage(0).getResources().getFont(name);
        assertTrue(font.isEmbedded(), font.getName() + " is embedded");
      }
    }
    assertTrue(text.contains("项目计划报告") && text.contains("每亩美元"), text);
    assertTrue(text.split("< 5", -1).length - 1 >= 5, "the note and the 4 farmer figures of the programme of 2 farmers "
        + "are suppressed: " + text);
    JsonNode figures = api.get(RW_ADMIN, T + "impact?level=programme&season=2026&programmeId=" + big.programme())
        .json();
    String usdPerMu = figures.path("usdPerMu").decimalValue().toPlainString();
    assertTrue(text.contains(usdPerMu), usdPerMu + " in " + text);

    Map<String, Object> am = new java.util.HashMap<>(zh);
    am.put("language", "am");
    am.put("programmeIds", List.of(big.programme()));
    Api.Res amharic = api.post(RW_ADMIN, T + "reports", am);
    assertEquals(200, amharic.status(), amharic.body());
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(amharic.bytes())) {
      String t = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
      assertTrue(t.contains("የፕሮግራም ሪፖርት") && t.contains("ዶላር በሙ"), t);
    }

    Map<String, Object> xlsx = new java.util.HashMap<>(zh);
    xlsx.put("format", "xlsx");
    xlsx.put("language", "en");
    Api.Res book = api.post(RW_ADMIN, T + "reports", xlsx);
    assertEquals(200, book.status(), book.body());
    assertTrue(book.contentType().contains("spreadsheetml"), book.contentType());
    String sheet = null;
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(book.bytes()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertTrue(sheet != null && sheet.contains("<t>usdPerMu</t></is></c><c r=\"E"), String.valueOf(sheet));
    assertTrue(sheet.contains("<v>" + usdPerMu + "</v>"), usdPerMu + " as a number in " + sheet);
    assertTrue(java.util.regex.Pattern.compile("<t>usdPerMuNotYetTrained</t></is></c><c r=\"E\\d+\"><v>"
        + java.util.regex.Pattern.quote(usdPerMu) + "</v>").matcher(sheet).find(),
        "none trained yet: the not-yet-trained are the whole programme, " + usdPerMu + ", in " + sheet);

    Map<String, Object> other = new java.util.HashMap<>(zh);
    other.put("programmeIds", List.of(unfunded.programme()));
    assertProblem(api.post(DONOR, T + "reports", other), 404);
    Map<String, Object> bad = new java.util.HashMap<>(zh);
    bad.put("language", "xx");
    bad.put("indicators", List.of("happiness"));
    Api.Res refused = api.post(RW_ADMIN, T + "reports", bad);
    assertProblem(refused, 400);
    assertTrue(refused.body().contains("language") && refused.body().contains("indicators[0]"), refused.body());
  }

  /** The demo donor's funder funds the programme: the donor reads its figures. */
  private void fund(String programmeId) {
    assertEquals(201, api.post(RW_ADMIN, T + "funding", Map.of("programmeId", programmeId, "funderName",
        "Example Foundation", "funderType", "60", "amount", 100000, "currency", "USD", "start", "2026-01-01", "end",
        "2026-12-31", "donors", List.of("donor"))).status());
  }

  /** The official IATI 2.03 schema's objections to a document. */
  static List<String> iatiProblems(String xml) throws Exception {
    javax.xml.validation.SchemaFactory f = javax.xml.validation.SchemaFactory.newInstance(
        javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
    java.nio.file.Path xsd = java.nio.file.Path.of("..", "platform", "core", "src", "main", "resources", "iati-2.03",
        "iati-activities-schema.xsd");
    javax.xml.validation.Validator v = f.newSchema(xsd.toFile()).newValidator();
    List<String> problems = new java.util.ArrayList<>();
    v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void error(org.xml.sax.SAXParseException e) {
        problems.add(e.getLineNumber() + ": " + e.getMessage());
      }
    });
    v.validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xml)));
    return problems;
  }

  static org.w3c.dom.Document parse(String xml) throws Exception {
    javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
  }
}
