package org.mu1000.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Keycloak is: the back-channel URL we call, and the public URL browsers see and tokens name as issuer. */
@ApplicationScoped
public class KeycloakSettings {
  private String url;
  private String publicUrl;
  private String realm;
  private java.util.Set<String> clients;

  protected KeycloakSettings() {}

  @Inject
  public KeycloakSettings(
      @ConfigProperty(name = "mu1000.keycloak.url", defaultValue = "http://127.0.0.1:8180") String url,
      @ConfigProperty(name = "mu1000.keycloak.public-url", defaultValue = "http://localhost:8180") String publicUrl,
      @ConfigProperty(name = "mu1000.keycloak.realm", defaultValue = "mu1000") String realm,
      @ConfigProperty(name = "mu1000.keycloak.clients", defaultValue = "mu1000-cli,mu1000-web,mu1000-service")
      String clients) {
    this.url = trim(url);
    this.publicUrl = trim(publicUrl);
    this.realm = realm;
    this.clients = java.util.Arrays.stream(clients.split(",")).map(String::trim).filter(c -> !c.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Prefix of the confidential clients the platform creates for tenants' integrations (client credentials). */
  public static final String TENANT_API_CLIENT_PREFIX = "mu1000-api-";

  /**
   * Whether the API takes tokens issued to this client (claim {@code azp}): the configured clients, and the
   * integration clients the platform makes for tenants. Any other client of the realm is refused.
   */
  public boolean accepts(String clientId) {
    return clients.contains(clientId) || clientId.startsWith(TENANT_API_CLIENT_PREFIX)
        && clientId.length() > TENANT_API_CLIENT_PREFIX.length();
  }

  private static String trim(String u) {
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  public String realmUrl() {
    return url + "/realms/" + realm;
  }

  public String publicRealmUrl() {
    return publicUrl + "/realms/" + realm;
  }

  public String issuer() {
    return publicRealmUrl();
  }

  public String jwksUrl() {
    return realmUrl() + "/protocol/openid-connect/certs";
  }

  public String tokenUrl() {
    return realmUrl() + "/protocol/openid-connect/token";
  }

  public String adminUrl() {
    return url + "/admin/realms/" + realm;
  }

  public String realm() {
    return realm;
  }
}
