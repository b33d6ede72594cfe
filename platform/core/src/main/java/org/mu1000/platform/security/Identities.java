package org.mu1000.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

/**
 * Turns a verified token into the identity the provider holds now. A token proves who is calling; what they may do
 * is read from the directory and kept for a short time ({@code mu1000.security.identity-cache-seconds}, 30 by
 * default), so a removed or disabled user, or one whose role changed, loses the old rights within that time rather
 * than when the token expires. Changes made through this instance take effect at once ({@link #forget}).
 */
@ApplicationScoped
public class Identities {
  private record Entry(Identity identity, long loadedNanos) {}

  private IdentityDirectory directory;
  private long ttlNanos;
  private LongSupplier clock = System::nanoTime;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  protected Identities() {}

  @Inject
  public Identities(IdentityDirectory directory,
      @ConfigProperty(name = "mu1000.security.identity-cache-seconds", defaultValue = "30") long ttlSeconds) {
    this.directory = directory;
    this.ttlNanos = Duration.ofSeconds(Math.max(0, ttlSeconds)).toNanos();
  }

  /** For tests: a cache with its own clock. */
  Identities(IdentityDirectory directory, Duration ttl, LongSupplier clock) {
    this.directory = directory;
    this.ttlNanos = ttl.toNanos();
    this.clock = clock;
  }

  public Identity of(VerifiedToken token) {
    String key = token.subject() + " " + token.clientId();
    long now = clock.getAsLong();
    Entry e = cache.get(key);
    if (e == null || now - e.loadedNanos() >= ttlNanos) {
      Identity fresh = directory.lookup(token.subject(), token.clientId())
          .orElseThrow(() -> new DomainException(Kind.UNAUTHENTICATED, "this account is disabled or no longer exists"));
      e = new Entry(fresh, now);
      cache.put(key, e);
    }
    return e.identity();
  }

  /** Drops what is known of a subject, after its roles or memberships changed through this instance. */
  public void forget(String subject) {
    cache.keySet().removeIf(k -> k.startsWith(subject + " "));
  }
}
