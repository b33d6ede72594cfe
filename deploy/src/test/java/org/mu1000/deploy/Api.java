package org.mu1000.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A REST client for the ITs with real Keycloak tokens (password grant of the demo realm's public CLI client). */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PASSWORD = "mu1000-demo";
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Api(URI base) {
    this.base = base;
  }

  record Res(int status, String contentType, String etag, String body, byte[] bytes,
      Map<String, List<String>> headers) {
    Res(int status, String contentType, String etag, String body, byte[] bytes) {
      this(status, contentType, etag, body, bytes, Map.of());
    }

    /** A header of the answer, or null. */
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }

  static String keycloak() {
    String url = System.getenv("MU1000_KEYCLOAK_URL");
    if (url == null) {
      throw new IllegalStateException("MU1000_KEYCLOAK_URL is not set: run the tests with ./mu1000 test");
    }
    return url;
  }

  /** A token listing the user's tenants: their Keycloak organizations, asked for with scope organization:*. */
  static String token(String username) {
    return token(username, "openid organization:*");
  }

  static String token(String username, String scope) {
    return token("mu1000-cli", username, scope);
  }

  static String token(String client, String username, String scope) {
    return TOKENS.computeIfAbsent(client + " " + username + " " + scope, key -> {
      String u = username;
      try {
        String form = "grant_type=password&client_id=" + client + "&username=" + enc(u) + "&password=" + PASSWORD
            + "&scope=" + enc(scope);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak() + "/realms/mu1000/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("Keycloak refused " + u + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  Res get(String user, String path) {
    return send(user, "GET", path, null, null, null);
  }

  Res post(String user, String path, Object body) {
    return send(user, "POST", path, body, null, null);
  }

  Res put(String user, String path, Object body, String ifMatch) {
    return send(user, "PUT", path, body, ifMatch, null);
  }

  Res delete(String user, String path, String ifMatch) {
    return send(user, "DELETE", path, null, ifMatch, null);
  }

  Res raw(String user, String method, String path, String contentType, byte[] body) {
    return send(user, method, path, body, null, contentType);
  }

  Res send(String user, String method, String path, Object body, String ifMatch, String contentType) {
    return sendWith(user, method, path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch), contentType);
  }

  /** A POST with an {@code Idempotency-Key}. */
  Res postOnce(String user, String path, Object body, String key) {
    return sendWith(user, "POST", path, body, Map.of("Idempotency-Key", key), null);
  }

  Res sendWith(String user, String method, String path, Object body, Map<String, String> headers,
      String contentType) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/v1/" + path)).timeout(Duration.ofSeconds(60));
      if (user != null) {
        b.header("Authorization", "Bearer " + (user.startsWith("Bearer ") ? user.substring(7) : token(user)));
      }
      headers.forEach(b::header);
      HttpRequest.BodyPublisher pub = HttpRequest.BodyPublishers.noBody();
      if (body instanceof byte[] bytes) {
        pub = HttpRequest.BodyPublishers.ofByteArray(bytes);
        b.header("Content-Type", contentType == null ? "application/octet-stream" : contentType);
      } else if (body instanceof String s) {
        pub = HttpRequest.BodyPublishers.ofString(s);
        b.header("Content-Type", "application/json");
      } else if (body != null) {
        pub = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        b.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> r = http.send(b.method(method, pub).build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Res(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
          r.headers().firstValue("ETag").orElse(null), new String(r.body(), StandardCharsets.UTF_8), r.body(),
          r.headers().map());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON object as a map to change and send back. */
  @SuppressWarnings("unchecked")
  Map<String, Object> mapOf(JsonNode node) {
    return new java.util.LinkedHashMap<>(JSON.convertValue(node, Map.class));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
