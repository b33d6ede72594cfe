package org.mu1000.platform.idempotency.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.idempotency.domain.IdempotencyStore;
import org.mu1000.platform.idempotency.domain.IdempotencyStore.Answer;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.DomainException;

/**
 * Requests that are safe to retry (the IETF httpapi {@code Idempotency-Key} semantics): the first request with a key
 * runs and its answer is kept with the key, per tenant and caller, for at least a day; a retry with the same key and
 * the same request gets that answer again without running; the same key with another request is refused (422); a
 * retry while the first is still running is refused (409). A first request that failed on the server's side (5xx)
 * leaves no trace, so its retry runs; one abandoned while in flight (the server died) may be run again after a lease.
 */
@ApplicationScoped
public class Idempotency {
  /** What a request with a key should do. */
  public sealed interface Outcome {}

  /** Run it, then {@link #finish} with its answer. */
  public record First(String id) implements Outcome {}

  /** Answer this again; do not run. */
  public record Replay(Answer answer) implements Outcome {}

  private IdempotencyStore store;
  private Duration keep;
  private Duration lease;

  protected Idempotency() {}

  @Inject
  public Idempotency(IdempotencyStore store,
      @ConfigProperty(name = "mu1000.idempotency.keep-hours", defaultValue = "48") long keepHours,
      @ConfigProperty(name = "mu1000.idempotency.lease-seconds", defaultValue = "120") long leaseSeconds) {
    this.store = store;
    this.keep = Duration.ofHours(Math.max(24, keepHours));
    this.lease = Duration.ofSeconds(leaseSeconds);
  }

  /** A key as clients send it: 1 to 255 visible ASCII characters, in quotes (a structured-field string) or not. */
  public static String parse(String header) {
    String k = header.strip();
    if (k.length() >= 2 && k.startsWith("\"") && k.endsWith("\"")) {
      k = k.substring(1, k.length() - 1);
    }
    if (k.isEmpty() || k.length() > 255 || !k.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
      throw DomainException.invalid("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    return k;
  }

  /** The fingerprint of a request: what it asks (method and target) and what it sends. */
  public static String fingerprint(String request, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decides what a request with this key does; {@code tenant} null for requests outside a tenant. */
  public Outcome begin(TenantHome tenant, String subject, String key, String fingerprint) {
    String id = subject + "|" + key;
    Instant now = Instant.now();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (store.claim(tenant, id, fingerprint, now, now.plus(keep))) {
        return new First(id);
      }
      Optional<IdempotencyStore.Entry> e = store.find(tenant, id);
      if (e.isEmpty()) {
        continue; // released between the two: claim again
      }
      if (!e.get().fingerprint().equals(fingerprint)) {
        throw new DomainException(DomainException.Kind.UNPROCESSABLE, "this Idempotency-Key was used for another"
            + " request; send a new key for a new request");
      }
      if (e.get().answer() != null) {
        return new Replay(e.get().answer());
      }
      if (e.get().claimedAt().plus(lease).isBefore(now) && store.reclaim(tenant, id, e.get().claimedAt(), now)) {
        return new First(id); // the first attempt was abandoned (the server stopped): run it now
      }
      throw new DomainException(DomainException.Kind.CONFLICT, "a request with this Idempotency-Key is still being"
          + " processed; retry when it is done");
    }
    throw new DomainException(DomainException.Kind.CONFLICT, "this Idempotency-Key is contended; retry");
  }

  /** Keeps the answer of a first request; a failure of the server's own forgets the key instead. */
  public void finish(TenantHome tenant, First first, Answer answer) {
    if (answer.status() >= 500) {
      store.release(tenant, first.id());
    } else {
      store.answer(tenant, first.id(), answer);
    }
  }

  /** The request did not complete (an exception nobody answered): its retry may run. */
  public void abandon(TenantHome tenant, First first) {
    store.release(tenant, first.id());
  }
}
