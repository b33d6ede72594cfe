package org.mu1000.platform.identity.infrastructure.keycloak;

import org.mu1000.platform.identity.domain.TenantGroups;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.security.Identity;
import org.mu1000.platform.security.IdentityDirectory;
import org.mu1000.platform.security.KeycloakSettings;

/**
 * Keycloak's current word on a token's subject: the account (gone or disabled means no access), its tenant groups,
 * the platform-admin realm role, and whether it is the service account of the very client the token names.
 */
@ApplicationScoped
public class KeycloakDirectory implements IdentityDirectory {
  private KeycloakAdmin keycloak;
  private KeycloakSettings settings;

  protected KeycloakDirectory() {}

  @Inject
  public KeycloakDirectory(KeycloakAdmin keycloak, KeycloakSettings settings) {
    this.keycloak = keycloak;
    this.settings = settings;
  }

  @Override
  public Optional<Identity> lookup(String subject, String azp) {
    Optional<JsonNode> user = keycloak.findUser(subject);
    if (user.isEmpty() || !user.get().path("enabled").asBoolean(false)) {
      return Optional.empty();
    }
    // the name only spares people a look-up of their client; what makes a service account is Keycloak's link
    boolean serviceAccount = user.get().path("username").asText().startsWith("service-account-")
        && settings.accepts(azp) && keycloak.serviceAccountOf(azp).filter(subject::equals).isPresent();
    boolean platformAdmin = !serviceAccount && keycloak.effectiveRealmRoles(subject).contains(Caller.PLATFORM_ADMIN);
    return Optional.of(new Identity(subject, user.get().path("username").asText(subject), platformAdmin,
        serviceAccount, TenantGroups.memberships(keycloak.groupPaths(subject))));
  }
}
