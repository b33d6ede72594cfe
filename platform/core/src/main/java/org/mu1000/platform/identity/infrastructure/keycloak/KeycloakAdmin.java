package org.mu1000.platform.identity.infrastructure.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.identity.application.IdentityAdmin;
import org.mu1000.platform.security.KeycloakSettings;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;

/**
 * Keycloak's admin REST API through the JDK HTTP client (keycloak-admin-client's RESTEasy breaks Payara's Jersey). It
 * signs in as the confidential service client {@code mu1000.keycloak.service-client} with client credentials.
 */
@ApplicationScoped
public class KeycloakAdmin implements IdentityAdmin {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeycloakSettings keycloak;
  private String clientId;
  private String clientSecret;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String token;
  private final java.util.Map<String, String> serviceAccounts = new java.util.concurrent.ConcurrentHashMap<>();
  private Instant tokenExpires = Instant.EPOCH;

  protected KeycloakAdmin() {}

  @Inject
  public KeycloakAdmin(KeycloakSettings keycloak,
      @ConfigProperty(name = "mu1000.keycloak.service-client", defaultValue = "mu1000-service") String clientId,
      @ConfigProperty(name = "mu1000.keycloak.service-secret") java.util.Optional<String> clientSecret) {
    this.keycloak = keycloak;
    this.clientId = clientId;
    this.clientSecret = clientSecret.orElse("");
  }

  @Override
  public boolean reachable() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak.realmUrl()))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  // --- organizations ---------------------------------------------------------------------------------------------

  @Override
  public Optional<JsonNode> organization(String alias) {
    JsonNode list = get("/organizations?briefRepresentation=true&first=0&max=1000&search=" + enc(alias));
    for (JsonNode o : list) {
      if (alias.equals(o.path("alias").asText())) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Creates the tenant's organization unless it exists; returns its id. */
  @Override
  public String ensureOrganization(String alias, String name) {
    Optional<JsonNode> existing = organization(alias);
    if (existing.isPresent()) {
      return existing.get().path("id").asText();
    }
    ObjectNode org = JSON.createObjectNode().put("name", name + " (" + alias + ")").put("alias", alias)
        .put("enabled", true);
    org.putArray("domains").addObject().put("name", alias + ".mu1000.org");
    send("POST", "/organizations", org, 201, 409);
    return organization(alias).orElseThrow(() -> upstream("organization " + alias + " was not created"))
        .path("id").asText();
  }

  @Override
  public void addMember(String orgId, String userId) {
    send("POST", "/organizations/" + orgId + "/members", JSON.getNodeFactory().textNode(userId), 201, 409);
  }

  @Override
  public List<JsonNode> members(String orgId) {
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    get("/organizations/" + enc(orgId) + "/members?first=0&max=1000").forEach(out::add);
    return out;
  }

  @Override
  public boolean isMember(String orgId, String userId) {
    try {
      get("/organizations/" + enc(orgId) + "/members/" + enc(userId));
      return true;
    } catch (DomainException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void deleteOrganization(String alias) {
    organization(alias).ifPresent(o -> send("DELETE", "/organizations/" + o.path("id").asText(), null, 204, 404));
  }

  // --- users -----------------------------------------------------------------------------------------------------

  @Override
  public Optional<JsonNode> userByName(String username) {
    JsonNode list = get("/users?exact=true&username=" + enc(username));
    return list.size() == 0 ? Optional.empty() : Optional.of(list.get(0));
  }

  @Override
  public JsonNode user(String id) {
    return get("/users/" + enc(id));
  }

  /** Creates a user; returns the id. Refuses a taken username. */
  @Override
  public String createUser(String username, String email, String firstName, String lastName,
      String temporaryPassword) {
    ObjectNode u = JSON.createObjectNode().put("username", username).put("email", email).put("enabled", true)
        .put("emailVerified", true);
    if (firstName != null) {
      u.put("firstName", firstName);
    }
    if (lastName != null) {
      u.put("lastName", lastName);
    }
    if (temporaryPassword != null) {
      u.putArray("credentials").addObject().put("type", "password").put("value", temporaryPassword)
          .put("temporary", true);
    }
    int status = send("POST", "/users", u, 201, 409);
    if (status == 409) {
      throw new DomainException(Kind.CONFLICT, "username " + username + " is taken: choose another");
    }
    return userByName(username).orElseThrow(() -> upstream("user " + username + " was not created"))
        .path("id").asText();
  }

  /**
   * The id of the service-account user of a confidential client, or empty when the client has none. Keycloak alone
   * links the two, so this is what proves a token came from a client-credentials grant of that client.
   */
  @Override
  public Optional<String> serviceAccountOf(String clientId) {
    String known = serviceAccounts.get(clientId);
    if (known != null) {
      return Optional.of(known);
    }
    JsonNode clients = get("/clients?first=0&max=2&clientId=" + enc(clientId));
    for (JsonNode c : clients) {
      if (clientId.equals(c.path("clientId").asText()) && c.path("serviceAccountsEnabled").asBoolean(false)) {
        try {
          String id = get("/clients/" + enc(c.path("id").asText()) + "/service-account-user").path("id").asText();
          serviceAccounts.put(clientId, id);
          return Optional.of(id);
        } catch (DomainException e) {
          if (e.kind() != Kind.NOT_FOUND) {
            throw e;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The user with this id, or empty when there is none. */
  @Override
  public Optional<JsonNode> findUser(String id) {
    try {
      return Optional.of(user(id));
    } catch (DomainException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Realm roles the user holds, directly or through a composite role or a group. */
  @Override
  public List<String> effectiveRealmRoles(String userId) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    get("/users/" + enc(userId) + "/role-mappings/realm/composite?briefRepresentation=true")
        .forEach(r -> out.add(r.path("name").asText()));
    return out;
  }

  // --- groups ----------------------------------------------------------------------------------------------------

  /** Paths of the groups the user is a direct member of, such as {@code /tenants/rwanda/coop-manager}. */
  @Override
  public List<String> groupPaths(String userId) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    get("/users/" + enc(userId) + "/groups?briefRepresentation=true&first=0&max=10000")
        .forEach(g -> out.add(g.path("path").asText()));
    return out;
  }

  @Override
  public Optional<String> groupId(String path) {
    try {
      return Optional.of(get("/group-by-path" + pathSegments(path)).path("id").asText());
    } catch (DomainException e) {
      if (e.kind() == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The group at this path, created with any missing parents; returns its id. Safe to repeat. */
  @Override
  public String ensureGroup(String path) {
    Optional<String> existing = groupId(path);
    if (existing.isPresent()) {
      return existing.get();
    }
    int cut = path.lastIndexOf('/');
    String name = path.substring(cut + 1);
    ObjectNode g = JSON.createObjectNode().put("name", name);
    if (cut <= 0) {
      send("POST", "/groups", g, 201, 409);
    } else {
      send("POST", "/groups/" + enc(ensureGroup(path.substring(0, cut))) + "/children", g, 201, 204, 409);
    }
    return groupId(path).orElseThrow(() -> upstream("group " + path + " was not created"));
  }

  @Override
  public void joinGroup(String userId, String groupId) {
    send("PUT", "/users/" + enc(userId) + "/groups/" + enc(groupId), null, 204);
  }

  @Override
  public void leaveGroup(String userId, String groupId) {
    send("DELETE", "/users/" + enc(userId) + "/groups/" + enc(groupId), null, 204, 404);
  }

  /** Members of the group at this path (none when it does not exist). */
  @Override
  public List<JsonNode> groupMembers(String path) {
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    groupId(path).ifPresent(id -> get("/groups/" + enc(id) + "/members?briefRepresentation=true&first=0&max=10000")
        .forEach(out::add));
    return out;
  }

  @Override
  public void deleteGroup(String path) {
    groupId(path).ifPresent(id -> send("DELETE", "/groups/" + enc(id), null, 204, 404));
  }

  private static String pathSegments(String path) {
    StringBuilder b = new StringBuilder();
    for (String seg : path.split("/")) {
      if (!seg.isEmpty()) {
        b.append('/').append(enc(seg).replace("+", "%20"));
      }
    }
    return b.toString();
  }

  // --- plumbing --------------------------------------------------------------------------------------------------

  private JsonNode get(String path) {
    try {
      HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        throw new DomainException(Kind.NOT_FOUND, "not found in the identity provider: " + path.replaceAll("\\?.*", ""));
      }
      if (r.statusCode() != 200) {
        throw upstream("identity provider answered " + r.statusCode() + " to GET " + path.replaceAll("\\?.*", ""));
      }
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  private int send(String method, String path, JsonNode body, int... accepted) {
    try {
      HttpRequest.BodyPublisher pub = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
      HttpResponse<String> r = http.send(request(path).header("Content-Type", "application/json").method(method, pub)
          .build(), HttpResponse.BodyHandlers.ofString());
      for (int a : accepted) {
        if (a == r.statusCode()) {
          return a;
        }
      }
      throw upstream("identity provider answered " + r.statusCode() + " to " + method + " " + path + ": " + r.body());
    } catch (java.io.IOException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(keycloak.adminUrl() + path)).timeout(Duration.ofSeconds(15))
        .header("Authorization", "Bearer " + token());
  }

  private synchronized String token() {
    if (clientSecret.isBlank()) {
      throw new DomainException(Kind.UNAVAILABLE,
          "identity administration is not configured (set MU1000_KEYCLOAK_SERVICE_SECRET)");
    }
    if (token != null && Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    try {
      String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw upstream("identity provider refused the service client (" + r.statusCode() + ")");
      }
      JsonNode t = JSON.readTree(r.body());
      token = t.path("access_token").asText();
      tokenExpires = Instant.now().plusSeconds(Math.max(10, t.path("expires_in").asLong(60) - 15));
      return token;
    } catch (java.io.IOException e) {
      throw unavailable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static DomainException upstream(String detail) {
    return new DomainException(Kind.UPSTREAM, detail);
  }

  private static DomainException unavailable() {
    return new DomainException(Kind.UNAVAILABLE, "the identity provider cannot be reached");
  }
}
