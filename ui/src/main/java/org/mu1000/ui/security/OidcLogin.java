package org.mu1000.ui.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.security.Identities;
import org.mu1000.platform.security.JwtVerifier;
import org.mu1000.platform.security.KeycloakSettings;
import org.mu1000.platform.shared.domain.DomainException;

/**
 * Browser sign-in with OpenID Connect (authorization code + PKCE, public client {@code mu1000-web}) against the same
 * Keycloak realm the API trusts. {@code /login} sends the browser to Keycloak, {@code /oidc/callback} takes the code
 * back, exchanges it over the back channel and verifies the tokens; {@code /logout} ends both sessions.
 */
@WebServlet(urlPatterns = {"/login", "/oidc/callback", "/logout"})
public class OidcLogin extends HttpServlet {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject
  KeycloakSettings keycloak;

  @Inject
  JwtVerifier verifier;

  @Inject
  Identities identities;

  @Inject
  @ConfigProperty(name = "mu1000.keycloak.web-client", defaultValue = "mu1000-web")
  String clientId;

  /** Where browsers reach this server (e.g. https://mu1000.example.org); else taken from the request. */
  @Inject
  @ConfigProperty(name = "mu1000.public-url")
  java.util.Optional<String> publicUrl;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    switch (req.getServletPath()) {
      case "/login" -> login(req, res);
      case "/oidc/callback" -> callback(req, res);
      default -> logout(req, res);
    }
  }

  private void login(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession s = req.getSession(true);
    String state = random();
    String verifierCode = random() + random();
    s.setAttribute("oidc.state", state);
    s.setAttribute("oidc.verifier", verifierCode);
    String target = req.getParameter("target");
    s.setAttribute("oidc.target", target != null && target.startsWith("/") && !target.startsWith("//") ? target : "/");
    String url = keycloak.publicRealmUrl() + "/protocol/openid-connect/auth?response_type=code"
        + "&client_id=" + enc(clientId)
        + "&redirect_uri=" + enc(callbackUrl(req))
        + "&scope=" + enc("openid profile email organization:*")
        + "&state=" + enc(state)
        + "&code_challenge_method=S256&code_challenge=" + enc(challenge(verifierCode))
        + (req.getParameter("lang") != null ? "&ui_locales=" + enc(req.getParameter("lang")) : "");
    res.sendRedirect(url);
  }

  private void callback(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession s = req.getSession(false);
    String state = req.getParameter("state");
    if (s == null || state == null || !state.equals(s.getAttribute("oidc.state")) || req.getParameter("code") == null) {
      res.sendRedirect(req.getContextPath() + "/login");
      return;
    }
    String form = "grant_type=authorization_code&client_id=" + enc(clientId)
        + "&code=" + enc(req.getParameter("code"))
        + "&redirect_uri=" + enc(callbackUrl(req))
        + "&code_verifier=" + enc((String) s.getAttribute("oidc.verifier"));
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
          .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        res.sendError(502, "the identity provider refused the sign-in");
        return;
      }
      JsonNode tokens = JSON.readTree(r.body());
      var caller = verifier.verify(tokens.path("access_token").asText());
      identities.of(caller);
      String target = (String) s.getAttribute("oidc.target");
      req.changeSessionId();
      s.removeAttribute("oidc.state");
      s.removeAttribute("oidc.verifier");
      s.setAttribute(UiSession.KEY, new UiSession(caller, tokens.path("id_token").asText()));
      res.sendRedirect(req.getContextPath() + (target == null ? "/" : target));
    } catch (DomainException e) {
      res.sendError(401, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      res.sendError(503);
    }
  }

  private void logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession s = req.getSession(false);
    String idToken = UiSession.of(s).map(UiSession::idToken).orElse(null);
    if (s != null) {
      s.invalidate();
    }
    String back = base(req) + "/";
    String url = keycloak.publicRealmUrl() + "/protocol/openid-connect/logout?client_id=" + enc(clientId)
        + "&post_logout_redirect_uri=" + enc(back) + (idToken == null ? "" : "&id_token_hint=" + enc(idToken));
    res.sendRedirect(url);
  }

  private String base(HttpServletRequest req) {
    if (publicUrl.isPresent() && !publicUrl.get().isBlank()) {
      return publicUrl.get().replaceAll("/+$", "");
    }
    String scheme = req.getHeader("X-Forwarded-Proto") != null ? req.getHeader("X-Forwarded-Proto") : req.getScheme();
    String host = req.getHeader("X-Forwarded-Host") != null ? req.getHeader("X-Forwarded-Host")
        : req.getServerName() + ":" + req.getServerPort();
    return scheme + "://" + host + req.getContextPath();
  }

  private String callbackUrl(HttpServletRequest req) {
    return base(req) + "/oidc/callback";
  }

  private static String random() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String challenge(String verifier) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
