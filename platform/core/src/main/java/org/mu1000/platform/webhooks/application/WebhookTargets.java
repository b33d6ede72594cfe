package org.mu1000.platform.webhooks.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may go: the public internet. A target that is, or resolves to, a loopback, link-local, private,
 * shared (CGNAT), unique-local, multicast or unspecified address is refused, unless the platform's operator allows
 * its host by name ({@code mu1000.webhooks.allowed-hosts}, comma-separated). Checked when a subscription is made and
 * again, with a fresh lookup, before every delivery, so a name that later resolves elsewhere (DNS rebinding) is
 * caught.
 */
@ApplicationScoped
public class WebhookTargets {
  private Set<String> allowed = Set.of();

  protected WebhookTargets() {}

  @Inject
  public WebhookTargets(@ConfigProperty(name = "mu1000.webhooks.allowed-hosts") Optional<String> allowedHosts) {
    this(allowedHosts.orElse(""));
  }

  public WebhookTargets(String allowedHosts) {
    this.allowed = Arrays.stream(allowedHosts.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  /** Why a delivery may not go to this URL, or empty when it may. */
  public Optional<String> refusal(String url) {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a URL");
    }
    if (u.getHost() == null || u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
      return Optional.of("must be an absolute http(s) URL");
    }
    if (u.getUserInfo() != null) {
      return Optional.of("must not carry a user name or password");
    }
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (allowed.contains(host)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return Optional.of("names a host that cannot be found");
    }
    for (InetAddress a : addresses) {
      if (internal(a)) {
        return Optional.of("points to an internal address (" + a.getHostAddress() + "); webhooks go to public hosts");
      }
    }
    return Optional.empty();
  }

  static boolean internal(InetAddress a) {
    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      return first == 0 || first == 100 && second >= 64 && second < 128 // shared address space (CGNAT)
          || first == 192 && second == 0 && (b[2] & 0xFF) == 0 || first >= 240;
    }
    if ((b[0] & 0xFE) == 0xFC) {
      return true; // unique local fc00::/7
    }
    // an IPv4 address written as IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= b[i] == 0;
    }
    if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      try {
        return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
      } catch (UnknownHostException e) {
        return true;
      }
    }
    return false;
  }
}
