package org.mu1000.platform.idempotency.domain;

import java.time.Instant;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;

/**
 * Port: the requests made with an {@code Idempotency-Key}, each with the fingerprint of what was asked and, once it
 * is known, the answer given. Kept in the tenant's store (the answer may hold personal data), or the platform's for
 * requests outside a tenant ({@code tenant} null).
 */
public interface IdempotencyStore {
  /** An answer as it was sent: status, the headers a client acts on, and the body. */
  record Answer(int status, String contentType, String location, String etag, byte[] body) {}

  /** What a key holds: the request's fingerprint, when it was claimed, and its answer (null while in flight). */
  record Entry(String fingerprint, Instant claimedAt, Answer answer) {}

  /** Claims a key for a first request; false if the key is taken. The entry is kept at least until {@code until}. */
  boolean claim(TenantHome tenant, String id, String fingerprint, Instant now, Instant until);

  Optional<Entry> find(TenantHome tenant, String id);

  /** Takes over a claim abandoned while in flight (claimed at {@code claimedAt}); false if another request did. */
  boolean reclaim(TenantHome tenant, String id, Instant claimedAt, Instant now);

  void answer(TenantHome tenant, String id, Answer answer);

  /** Forgets a key whose request failed on the server's side, so the client's retry runs it. */
  void release(TenantHome tenant, String id);
}
