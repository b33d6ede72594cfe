package org.mu1000.integrations.sms.africastalking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.mu1000.platform.tenancy.domain.ProviderConfig;

/** What one tenant's SMS route puts on the wire (Africa's Talking: form-encoded) and reads back. */
public final class AfricasTalkingClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One SMS to send. */
  public record Sms(String to, String text) {}

  private final ProviderConfig config;

  public AfricasTalkingClient(ProviderConfig config) {
    this.config = config;
  }

  public void request(Exchange e) {
    Sms sms = e.getMessage().getBody(Sms.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    m.setHeader("apiKey", config.secret("apiKey"));
    m.setHeader("Accept", "application/json");
    m.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
    m.setHeader(Exchange.HTTP_METHOD, "POST");
    String from = config.setting("from");
    m.setBody("username=" + enc(config.setting("username")) + "&to=" + enc(sms.to()) + "&message=" + enc(sms.text())
        + (from == null || from.isBlank() ? "" : "&from=" + enc(from)));
  }

  /**
   * The message id of the one recipient; a number the provider refuses for good (invalid, blacklisted,
   * unsupported) gives {@code rejected:<status>}, so it is not sent again and again.
   */
  public void answer(Exchange e) throws IOException {
    JsonNode r = JSON.readTree(e.getMessage().getBody(String.class)).path("SMSMessageData").path("Recipients")
        .path(0);
    int code = r.path("statusCode").asInt(0);
    if (code >= 100 && code <= 102) {
      e.getMessage().setBody(r.path("messageId").asText());
    } else if (code == 403 || code == 404 || code == 406) {
      e.getMessage().setBody("rejected:" + r.path("status").asText(String.valueOf(code)));
    } else {
      throw new IOException("Africa's Talking did not take the message: " + r);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
