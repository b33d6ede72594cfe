package org.mu1000.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The test realm as its operator sees it (Keycloak's admin API, master admin): for what a tenant admin cannot do
 * through Mu1000, such as making an account with any name, setting a permanent password, or deleting an account.
 */
final class KeycloakRealm {
  private final HttpClient http = HttpClient.newHttpClient();

  private String adminToken() {
    String pw = System.getenv().getOrDefault("MU1000_KEYCLOAK_ADMIN_PASSWORD", "admin");
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(Api.keycloak()
            + "/realms/master/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
            + Api.enc(pw))).build());
    return json(r).path("access_token").asText();
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(URI.create(Api.keycloak() + "/admin/realms/mu1000" + path))
        .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json");
  }

  /** Creates a user with a permanent password (the demo one) in the given groups; returns its id. */
  String createUser(String username, String... groups) {
    try {
      Map<String, Object> u = Map.of("username", username, "enabled", true, "email", username + "@example.org",
          "emailVerified", true, "firstName", "Probe", "lastName", "User",
          "credentials", java.util.List.of(Map.of("type", "password", "value", Api.PASSWORD, "temporary", false)),
          "groups", java.util.List.of(groups));
      HttpResponse<String> r = send(admin("/users").POST(HttpRequest.BodyPublishers.ofString(
          Api.JSON.writeValueAsString(u))).build());
      if (r.statusCode() != 201) {
        throw new IllegalStateException("Keycloak refused " + username + ": " + r.body());
      }
      return userId(username);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String userId(String username) {
    return json(send(admin("/users?exact=true&username=" + Api.enc(username)).GET().build())).get(0).path("id")
        .asText();
  }

  /** Makes an invited user's temporary password the demo password, so the test can sign in as them. */
  void setPassword(String userId) {
    send(admin("/users/" + userId + "/reset-password").PUT(HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"password\",\"value\":\"" + Api.PASSWORD + "\",\"temporary\":false}")).build());
  }

  void deleteUser(String userId) {
    send(admin("/users/" + userId).DELETE().build());
  }

  /** A token of a confidential client's service account (client credentials). */
  static String clientToken(String client, String secret) {
    HttpResponse<String> r = new KeycloakRealm().send(HttpRequest.newBuilder(URI.create(Api.keycloak()
            + "/realms/mu1000/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client
            + "&client_secret=" + secret)).build());
    return json(r).path("access_token").asText();
  }

  /** The whole token answer of a password grant (access, refresh and ID token). */
  static JsonNode passwordGrant(String username) {
    HttpResponse<String> r = new KeycloakRealm().send(HttpRequest.newBuilder(URI.create(Api.keycloak()
            + "/realms/mu1000/protocol/openid-connect/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=mu1000-cli&scope=openid&username="
            + Api.enc(username) + "&password=" + Api.PASSWORD)).build());
    return json(r);
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return Api.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(r.statusCode() + " " + r.body(), e);
    }
  }
}
