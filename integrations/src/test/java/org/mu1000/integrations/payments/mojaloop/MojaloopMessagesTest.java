package org.mu1000.integrations.payments.mojaloop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.finance.domain.Payout;

/**
 * The FSPIOP messages the Mojaloop routes send, checked against the official API definition (v1.1, in the test
 * resources with its licence): a quote, a transfer, a bulk quote and a bulk transfer as a switch would validate them.
 */
class MojaloopMessagesTest {
  static JsonNode api;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = MojaloopMessagesTest.class.getResourceAsStream("/mojaloop-fspiop/fspiop-v1.1-openapi3.yaml")) {
      String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          // java.util.regex knows neither Unicode property by these names (see SOURCE.md)
          .replace("\\p{gc=Mark}", "\\p{M}").replace("\\p{Join_Control}", "\\u200C\\u200D")
          .replace("\\p{gc=Connector_Punctuation}", "\\p{Pc}").replace("\\p{digit}", "\\p{Nd}");
      api = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }
  }

  /** The errors of {@code doc} against one of the definition's schemas. */
  static Set<ValidationMessage> check(String schema, JsonNode doc) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.set("components", api.path("components"));
    root.put("$ref", "#/components/schemas/" + schema);
    JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    return s.validate(doc);
  }

  static Payout payout(String amount) {
    return payout("0f0e5a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a", "+250788123456", amount);
  }

  static Payout payout(String id, String msisdn, String amount) {
    Instant now = Instant.parse("2026-06-01T10:00:00Z");
    return new Payout(id, "pb1234567890abcdef", "fa1", "co1", msisdn,
        new BigDecimal(amount), "RWF", "mojaloop", Payout.Status.SUBMITTING, 1, null, null, null, "Coop: RWF 5,700",
        now, null, null, null, now, now, 1);
  }

  @Test
  void theQuoteIsAValidQuotesPostRequest() {
    JsonNode q = MojaloopClient.quote(payout("5700.00"), MojaloopClient.id("x:quote"), "mu1000rw", "payeefsp");
    assertEquals(Set.of(), check("QuotesPostRequest", q), q.toString());
    assertEquals("5700", q.path("amount").path("amount").asText(), "no trailing zeros: the amount pattern forbids them");
    assertEquals("250788123456", q.path("payee").path("partyIdInfo").path("partyIdentifier").asText());
  }

  @Test
  void theTransferIsAValidTransfersPostRequestOnTheQuotesTerms() {
    ObjectNode quote = new ObjectMapper().createObjectNode();
    quote.putObject("transferAmount").put("currency", "RWF").put("amount", "5701");
    quote.put("ilpPacket", "AYIBgQAAAAAAAASwNGxldmVsb25lLmRmc3AxLm1lci45T2RTOF83MDdPLWdneGJGMUNBCg");
    quote.put("condition", "f5sqb7tBTWPd5Y8BDFdMm9BJR_MNI4isf8p8n4D5pHA");
    JsonNode t = MojaloopClient.transfer(payout("5700"), "mu1000rw", "payeefsp", quote,
        Instant.parse("2026-06-01T10:00:00.123456Z"));
    assertEquals(Set.of(), check("TransfersPostRequest", t), t.toString());
    assertEquals("0f0e5a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a", t.path("transferId").asText(), "the payout is the transfer");
    assertEquals("5701", t.path("amount").path("amount").asText(), "the quote's transfer amount");
    assertEquals("2026-06-01T10:05:00.123Z", t.path("expiration").asText());
  }

  @Test
  void aBatchIsAValidBulkQuoteAndItsQuotedPayoutsAValidBulkTransfer() {
    Payout a = payout("0f0e5a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a", "+250788123456", "5700");
    Payout b = payout("1f0e5a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5b", "+250788123457", "1234.50");
    Instant now = Instant.parse("2026-06-01T10:00:00Z");
    JsonNode q = MojaloopBulk.bulkQuote(MojaloopClient.id("bulk"), List.of(a, b), "mu1000rw", "payeefsp", now);
    assertEquals(Set.of(), check("BulkQuotesPostRequest", q), q.toString());
    assertEquals(2, q.path("individualQuotes").size());
    assertEquals(MojaloopClient.quoteId(b), q.path("individualQuotes").get(1).path("quoteId").asText(),
        "each payout keeps the quote id it has alone");
    assertEquals("1234.5", q.path("individualQuotes").get(1).path("amount").path("amount").asText());

    ObjectNode terms = new ObjectMapper().createObjectNode().put("quoteId", MojaloopClient.quoteId(a))
        .put("ilpPacket", "AYICb51ec534ee484575b6a9ead2955b8061")
        .put("condition", "GRzLaTP7DJ9t4P-a_BA0WA9wzzlsugf00-Tn6kESAfM");
    terms.putObject("transferAmount").put("currency", "RWF").put("amount", "5701");
    Map<Payout, JsonNode> quoted = new LinkedHashMap<>();
    quoted.put(a, terms);
    JsonNode t = MojaloopBulk.bulkTransfer(MojaloopClient.id("bulk-t"), MojaloopClient.id("bulk"), quoted,
        "mu1000rw", "payeefsp", now);
    assertEquals(Set.of(), check("BulkTransfersPostRequest", t), t.toString());
    JsonNode one = t.path("individualTransfers").get(0);
    assertEquals(a.id(), one.path("transferId").asText(), "the payout is the individual transfer");
    assertEquals("5701", one.path("transferAmount").path("amount").asText(), "on the quote's terms");
    assertEquals(1, t.path("individualTransfers").size(), "only the payouts that got terms");

    ((ObjectNode) t).putArray("individualTransfers");
    assertTrue(!check("BulkTransfersPostRequest", t).isEmpty(), "an empty bulk transfer is caught by the check");
  }

  @Test
  void aBrokenMessageIsCaughtByTheCheck() {
    ObjectNode q = MojaloopClient.quote(payout("5700"), "not-a-uuid", "mu1000rw", "payeefsp");
    q.remove("amountType");
    Set<ValidationMessage> errors = check("QuotesPostRequest", q);
    assertTrue(errors.size() >= 2, "quoteId and amountType are reported: " + errors);
  }

  @Test
  void aPayoutsIdsAreStableSoAResumedPayoutIsTheSameTransfer() {
    assertEquals(MojaloopClient.id("p1:quote"), MojaloopClient.id("p1:quote"));
    assertTrue(!MojaloopClient.id("p1:quote").equals(MojaloopClient.id("p2:quote")));
  }
}
