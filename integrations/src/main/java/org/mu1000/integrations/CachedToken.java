package org.mu1000.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import org.apache.camel.ProducerTemplate;

/**
 * A provider's OAuth access token, fetched through the tenant's token route and reused until a minute before it
 * expires; one the provider refused (401) is forgotten.
 */
public final class CachedToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String provider;
  private final String tokenUri;
  private final ProducerTemplate producer;
  private String token;
  private Instant validUntil = Instant.EPOCH;

  public CachedToken(String provider, String tokenUri, ProducerTemplate producer) {
    this.provider = provider;
    this.tokenUri = tokenUri;
    this.producer = producer;
  }

  public synchronized String get() {
    if (token == null || Instant.now().isAfter(validUntil)) {
      String answer = producer.requestBody(tokenUri, null, String.class);
      try {
        JsonNode n = JSON.readTree(answer);
        token = n.path("access_token").asText();
        validUntil = Instant.now().plusSeconds(Math.max(60, n.path("expires_in").asLong(3600)) - 60);
      } catch (IOException e) {
        throw new IllegalStateException(provider + "'s token answer is not JSON: " + answer, e);
      }
    }
    return token;
  }

  public synchronized void forget() {
    token = null;
  }
}
