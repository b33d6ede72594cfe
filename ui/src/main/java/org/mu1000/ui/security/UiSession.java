package org.mu1000.ui.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.security.Identities;
import org.mu1000.platform.security.Identity;
import org.mu1000.platform.security.VerifiedToken;

/**
 * The signed-in person of a browser session: whose token was verified at sign-in, and the tenant they are working
 * in. Their roles are read afresh through {@link Identities} (cached briefly), so a role taken away or an account
 * disabled takes effect in an open browser as it does in the API.
 */
public final class UiSession implements Serializable {
  static final String KEY = "mu1000.session";

  private final VerifiedToken token;
  private final String idToken;
  private String tenant;

  UiSession(VerifiedToken token, String idToken) {
    this.token = token;
    this.idToken = idToken;
    this.tenant = identity().tenants().stream().findFirst().orElse(null);
  }

  /** Who is signed in, with their memberships as the identity provider holds them now. */
  public Identity identity() {
    return CDI.current().select(Identities.class).get().of(token);
  }

  /** The signed-in person as the current tenant sees them: their roles there only. */
  public Caller caller() {
    return tenant == null ? identity().outsideTenants() : identity().in(tenant);
  }

  String idToken() {
    return idToken;
  }

  public String tenant() {
    return tenant;
  }

  public void tenant(String tenant) {
    if (identity().mayEnter(tenant)) {
      this.tenant = tenant;
    }
  }

  static Optional<UiSession> of(HttpSession http) {
    return http == null ? Optional.empty() : Optional.ofNullable((UiSession) http.getAttribute(KEY));
  }

  public static Optional<UiSession> current() {
    VaadinSession vs = VaadinSession.getCurrent();
    if (vs == null) {
      return Optional.empty();
    }
    return Optional.ofNullable((UiSession) vs.getSession().getAttribute(KEY));
  }
}
