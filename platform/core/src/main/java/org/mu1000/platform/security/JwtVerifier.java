package org.mu1000.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

/**
 * Verifies Keycloak access tokens (RS256) against the realm's JWKS: signature, issuer, expiry. Keys are cached
 * by key id and fetched again when an unknown kid appears (key rotation), at most every 10 seconds.
 */
@ApplicationScoped
public class JwtVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SKEW = Duration.ofSeconds(30);

  private KeycloakSettings keycloak;
  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile Instant lastFetch = Instant.EPOCH;

  protected JwtVerifier() {}

  @Inject
  public JwtVerifier(KeycloakSettings keycloak) {
    this.keycloak = keycloak;
  }

  /**
   * Checks an access token and says whose it is. The token proves identity only: roles and tenants come from
   * {@link Identities}, which asks the identity provider, so nothing a tenant admin can choose (a username, an
   * attribute) grants a role.
   */
  public VerifiedToken verify(String token) {
    JsonNode claims = verifiedClaims(token);
    String subject = claims.path("sub").asText("");
    if (subject.isBlank()) {
      throw unauthenticated("the token names no subject");
    }
    return new VerifiedToken(subject, claims.path("preferred_username").asText(subject), claims.path("azp").asText());
  }

  public JsonNode verifiedClaims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      throw unauthenticated("the bearer token is not a JWT");
    }
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    if (!"RS256".equals(header.path("alg").asText())) {
      throw unauthenticated("token algorithm must be RS256");
    }
    PublicKey key = key(header.path("kid").asText());
    try {
      Signature sig = Signature.getInstance("SHA256withRSA");
      sig.initVerify(key);
      sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw unauthenticated("token signature is invalid");
      }
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      throw unauthenticated("token signature is invalid");
    }
    if (!keycloak.issuer().equals(claims.path("iss").asText())) {
      throw unauthenticated("token issuer is not " + keycloak.issuer());
    }
    if (!"Bearer".equals(claims.path("typ").asText())) {
      throw unauthenticated("send an access token: ID and refresh tokens are not accepted as bearer tokens");
    }
    if (!keycloak.accepts(claims.path("azp").asText())) {
      throw unauthenticated("tokens of client '" + claims.path("azp").asText() + "' are not accepted");
    }
    Instant now = Instant.now();
    if (!claims.has("exp") || Instant.ofEpochSecond(claims.get("exp").asLong()).plus(SKEW).isBefore(now)) {
      throw unauthenticated("token has expired");
    }
    if (claims.has("nbf") && Instant.ofEpochSecond(claims.get("nbf").asLong()).minus(SKEW).isAfter(now)) {
      throw unauthenticated("token is not valid yet");
    }
    return claims;
  }

  private PublicKey key(String kid) {
    PublicKey k = keys.get(kid);
    if (k == null && lastFetch.plusSeconds(10).isBefore(Instant.now())) {
      fetchKeys();
      k = keys.get(kid);
    }
    if (k == null) {
      throw unauthenticated("token was not signed by a key of realm " + keycloak.realm());
    }
    return k;
  }

  private synchronized void fetchKeys() {
    try {
      HttpResponse<String> res = http.send(
          HttpRequest.newBuilder(URI.create(keycloak.jwksUrl())).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      lastFetch = Instant.now();
      if (res.statusCode() != 200) {
        throw new DomainException(Kind.UNAVAILABLE, "identity provider answered " + res.statusCode());
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      for (JsonNode jwk : JSON.readTree(res.body()).path("keys")) {
        if ("RSA".equals(jwk.path("kty").asText()) && !"enc".equals(jwk.path("use").asText())) {
          BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
          BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
          keys.put(jwk.path("kid").asText(), rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
      }
    } catch (java.io.IOException | java.security.GeneralSecurityException e) {
      throw new DomainException(Kind.UNAVAILABLE, "identity provider cannot be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException(Kind.UNAVAILABLE, "interrupted");
    }
  }

  private static JsonNode decode(String part) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(part));
    } catch (Exception e) {
      throw unauthenticated("the bearer token is not a JWT");
    }
  }

  private static DomainException unauthenticated(String why) {
    return new DomainException(Kind.UNAUTHENTICATED, why);
  }
}
