package org.mu1000.ui.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.mu1000.platform.security.Caller;

/** The signed-in person of a browser session: the verified caller and the tenant they are working in. */
public final class UiSession implements Serializable {
  static final String KEY = "mu1000.session";

  private final Caller caller;
  private final String idToken;
  private String tenant;

  UiSession(Caller caller, String idToken) {
    this.caller = caller;
    this.idToken = idToken;
    this.tenant = caller.tenants().stream().sorted().findFirst().orElse(null);
  }

  public Caller caller() {
    return caller;
  }

  String idToken() {
    return idToken;
  }

  public String tenant() {
    return tenant;
  }

  public void tenant(String tenant) {
    if (caller.mayEnter(tenant)) {
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
