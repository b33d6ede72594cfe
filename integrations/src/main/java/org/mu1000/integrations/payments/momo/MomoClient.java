package org.mu1000.integrations.payments.momo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.mu1000.integrations.CachedToken;
import org.mu1000.platform.finance.application.CallbackSignatures;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.domain.ProviderConfig;

/**
 * What one tenant's MoMo routes put on the wire and read back (MTN MoMo Open API, disbursement): the OAuth token
 * (cached until shortly before it expires), the transfer request with its X-Reference-Id (the payout's id) and a
 * signed callback address, and the status query.
 */
public final class MomoClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String REF = "mu1000Ref";

  private final String tenant;
  private final ProviderConfig config;
  private final CachedToken token;
  private final CachedToken collectionToken;

  private MomoClient(String tenant, ProviderConfig config, String tokenUri, String collectionTokenUri,
      ProducerTemplate producer) {
    this.collectionToken = new CachedToken("MoMo collection", collectionTokenUri, producer);
    this.tenant = tenant;
    this.config = config;
    this.token = new CachedToken("MoMo", tokenUri, producer);
  }

  /** The client of one tenant's routes; {@code tokenUri} and {@code collectionTokenUri} are its token routes. */
  public static MomoClient of(String tenant, ProviderConfig config, String tokenUri, String collectionTokenUri,
      ProducerTemplate producer) {
    return new MomoClient(tenant, config, tokenUri, collectionTokenUri, producer);
  }

  String token() {
    return token.get();
  }

  /** A refused token (401) is not reused. */
  public void forgetToken() {
    token.forget();
    collectionToken.forget();
  }

  /** A buyer asked to pay through MoMo collection: X-Reference-Id is the request's id, its callback signed for it. */
  public void requestToPay(Exchange e) {
    PaymentRail.Collection c = e.getMessage().getBody(PaymentRail.Collection.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("Authorization", "Bearer " + collectionToken.get());
    m.setHeader("X-Target-Environment", config.setting("targetEnvironment"));
    m.setHeader("Ocp-Apim-Subscription-Key", config.secret("subscriptionKey"));
    m.setHeader("X-Reference-Id", c.id());
    m.setHeader("X-Callback-Url", config.setting("callbackBaseUrl").replaceAll("/+$", "")
        + "/api/v1/callbacks/momo-collection/" + tenant + "/" + c.id() + "?sig="
        + CallbackSignatures.sign(config.secret("callbackToken"), tenant, c.id()));
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    ObjectNode body = JSON.createObjectNode().put("amount", c.amount().stripTrailingZeros().toPlainString())
        .put("currency", c.currency()).put("externalId", c.id()).put("payerMessage", c.message())
        .put("payeeNote", c.message());
    body.putObject("payer").put("partyIdType", "MSISDN").put("partyId", c.msisdn().replace("+", ""));
    m.setBody(body.toString());
  }

  public void tokenRequest(Exchange e) {
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((config.setting("apiUser") + ":"
        + config.secret("apiKey")).getBytes(StandardCharsets.UTF_8)));
    m.setHeader("Ocp-Apim-Subscription-Key", config.secret("subscriptionKey"));
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setBody("");
  }

  public void transferRequest(Exchange e) {
    Payout p = e.getMessage().getBody(Payout.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    common(m);
    m.setHeader("X-Reference-Id", p.id());
    m.setHeader("X-Callback-Url", config.setting("callbackBaseUrl").replaceAll("/+$", "") + "/api/v1/callbacks/momo/"
        + tenant + "/" + p.id() + "?sig=" + CallbackSignatures.sign(config.secret("callbackToken"), tenant, p.id()));
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    ObjectNode body = JSON.createObjectNode().put("amount", p.amount().stripTrailingZeros().toPlainString())
        .put("currency", p.currency()).put("externalId", p.id())
        .put("payerMessage", "Mu1000 payout " + p.batchId())
        .put("payeeNote", p.message() == null ? "" : p.message().substring(0, Math.min(160, p.message().length())));
    body.putObject("payee").put("partyIdType", "MSISDN").put("partyId", p.msisdn().replace("+", ""));
    m.setBody(body.toString());
  }

  public void statusRequest(Exchange e) {
    Payout p = e.getMessage().getBody(Payout.class);
    e.setProperty(REF, p.id());
    Message m = e.getMessage();
    m.removeHeaders("*");
    common(m);
    m.setHeader(Exchange.HTTP_METHOD, "GET");
    m.setBody(null);
  }

  private void common(Message m) {
    m.setHeader("Authorization", "Bearer " + token());
    m.setHeader("X-Target-Environment", config.setting("targetEnvironment"));
    m.setHeader("Ocp-Apim-Subscription-Key", config.secret("subscriptionKey"));
  }

  /** The status query's answer as the provider's view of the transfer. */
  public void statusAnswer(Exchange e) throws IOException {
    int code = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    String body = e.getMessage().getBody(String.class);
    if (code == 404) {
      e.getMessage().setBody(new PaymentRail.Status(PaymentRail.Status.State.UNKNOWN_TO_PROVIDER, null, null));
      return;
    }
    if (code == 401) {
      forgetToken();
    }
    if (code != 200) {
      throw new IOException("MoMo answered the status query with " + code + ": " + body);
    }
    JsonNode n = JSON.readTree(body);
    String status = n.path("status").asText();
    PaymentRail.Status.State state = switch (status) {
      case "SUCCESSFUL" -> PaymentRail.Status.State.PAID;
      case "FAILED" -> PaymentRail.Status.State.FAILED;
      default -> PaymentRail.Status.State.PENDING;
    };
    e.getMessage().setBody(new PaymentRail.Status(state, n.path("financialTransactionId").asText(null),
        reason(n.path("reason"))));
  }

  static String reason(JsonNode reason) {
    if (reason.isMissingNode() || reason.isNull()) {
      return null;
    }
    if (reason.isObject()) {
      return reason.path("code").asText("") + (reason.has("message") ? ": " + reason.path("message").asText() : "");
    }
    return reason.asText();
  }
}
