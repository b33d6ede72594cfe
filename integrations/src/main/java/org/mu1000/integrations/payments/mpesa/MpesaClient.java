package org.mu1000.integrations.payments.mpesa;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.mu1000.integrations.CachedToken;
import org.mu1000.platform.finance.application.CallbackSignatures;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.domain.ProviderConfig;

/**
 * What one tenant's M-Pesa routes put on the wire (Daraja B2C): the OAuth token (cached until shortly before it
 * expires) and the payment request, whose OriginatorConversationID is the payout's id and whose result and time-out
 * addresses are signed for that payout.
 */
public final class MpesaClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String tenant;
  private final ProviderConfig config;
  private final CachedToken token;

  private MpesaClient(String tenant, ProviderConfig config, String tokenUri, ProducerTemplate producer) {
    this.tenant = tenant;
    this.config = config;
    this.token = new CachedToken("M-Pesa", tokenUri, producer);
  }

  public static MpesaClient of(String tenant, ProviderConfig config, String tokenUri, ProducerTemplate producer) {
    return new MpesaClient(tenant, config, tokenUri, producer);
  }

  String token() {
    return token.get();
  }

  /** A refused token (401) is not reused. */
  public void forgetToken() {
    token.forget();
  }

  public void tokenRequest(Exchange e) {
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((config.secret("consumerKey") + ":"
        + config.secret("consumerSecret")).getBytes(StandardCharsets.UTF_8)));
    m.setHeader(Exchange.HTTP_METHOD, "GET");
    m.setBody(null);
  }

  /** The address M-Pesa posts a payment's result ({@code result}) or queue time-out ({@code timeout}) to. */
  String callback(String payoutId, String outcome) {
    return config.setting("callbackBaseUrl").replaceAll("/+$", "") + "/api/v1/callbacks/mpesa/" + tenant + "/"
        + payoutId + "/" + outcome + "?sig=" + CallbackSignatures.sign(config.secret("callbackToken"), tenant,
            payoutId);
  }

  /** Asks what became of a payout's payment; the answer comes to the payout's {@code status} address. */
  public void statusRequest(Exchange e) {
    Payout p = e.getMessage().getBody(Payout.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("Authorization", "Bearer " + token());
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    m.setBody(JSON.createObjectNode().put("Initiator", config.setting("initiatorName"))
        .put("SecurityCredential", config.secret("securityCredential")).put("CommandID", "TransactionStatusQuery")
        .put("OriginalConversationID", p.id()).put("PartyA", config.setting("shortCode")).put("IdentifierType", "4")
        .put("ResultURL", callback(p.id(), "status")).put("QueueTimeOutURL", callback(p.id(), "status"))
        .put("Remarks", "Payout status").put("Occasion", p.batchId()).toString());
  }

  public void paymentRequest(Exchange e) {
    Payout p = e.getMessage().getBody(Payout.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("Authorization", "Bearer " + token());
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    m.setHeader(Exchange.CONTENT_TYPE, "application/json");
    m.setBody(JSON.createObjectNode().put("OriginatorConversationID", p.id())
        .put("InitiatorName", config.setting("initiatorName"))
        .put("SecurityCredential", config.secret("securityCredential")).put("CommandID", "BusinessPayment")
        .put("Amount", p.amount().stripTrailingZeros().toPlainString()).put("PartyA", config.setting("shortCode"))
        .put("PartyB", p.msisdn().replace("+", "")).put("Remarks", "Harvest payout")
        .put("QueueTimeOutURL", callback(p.id(), "timeout")).put("ResultURL", callback(p.id(), "result"))
        .put("Occasion", p.batchId()).toString());
  }
}
