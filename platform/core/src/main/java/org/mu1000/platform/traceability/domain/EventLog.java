package org.mu1000.platform.traceability.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/**
 * Port: a tenant's EPCIS events, hash-chained per lot, with each lot's chain head; and the platform-wide index of
 * lot numbers that lets a public Digital Link find the tenant of a lot.
 */
public interface EventLog {
  /** An event as recorded: its canonical JSON body, its place on each lot's chain, and its hash. */
  record Chained(String eventId, List<String> lots, String body, Map<String, String> previous,
      Map<String, Integer> positions, String hash, String recordedAt) {}

  /** Where a lot's chain ends: the hash of its latest event, and how many events it has. */
  record Head(String hash, int count) {}

  record Located(String tenant, String lotId) {}

  /** Claims a lot number platform-wide; false when another lot (of any tenant) has it. */
  boolean claim(String lotNumber, String tenant, String lotId);

  /**
   * Adds the claim to a batch of the platform's deployment; its write fails as a duplicate key when another lot has
   * the number. Returns the write's position in the batch.
   */
  int claim(Batch batch, String lotNumber, String tenant, String lotId);

  Optional<Located> locate(String lotNumber);

  /** Adds a lot's first event and its chain head to a batch of the tenant's deployment. */
  void recordFirst(Batch batch, TenantHome tenant, Chained event);

  Optional<Head> head(TenantHome tenant, String lotId);

  /**
   * Moves a lot's head from ({@code count}, {@code previous}) to the next event's {@code hash}; false if another
   * event was appended first (count 0: the lot had no head yet).
   */
  boolean advance(TenantHome tenant, String lotId, int count, String previous, String hash);

  /** Puts a head this writer advanced back where it was (when another lot of the same event lost a race). */
  void restore(TenantHome tenant, String lotId, String advancedTo, String previous, int count);

  void append(TenantHome tenant, Chained event);

  /** The lot's events, in no particular order. */
  List<Chained> events(TenantHome tenant, String lotId);
}
