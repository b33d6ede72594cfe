package org.mu1000.platform.traceability.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each lot's events form a chain: an event carries, for every lot it touches, the hash of that lot's event before it,
 * and its own hash covers its body and those links. Altering a stored event breaks the chain at that event.
 */
public final class HashChain {
  /** The "previous hash" of a lot's first event. */
  public static final String GENESIS = "0".repeat(64);

  private HashChain() {}

  /** A stored event: its canonical JSON body, the previous hash per lot, and its own hash. */
  public record Link(String eventId, String body, Map<String, String> previous, String hash) {}

  /** Where a lot's chain breaks: the first event whose hash or link does not hold. */
  public record Break(int position, String eventId, String reason) {}

  public static String hash(String body, Map<String, String> previous) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(previous).forEach((lot, prev) -> s.append(lot).append('=').append(prev).append('\n'));
    s.append(body);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(s.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Recomputes a lot's chain (its events in the order they were recorded); empty when every link holds. */
  public static Optional<Break> verify(String lotId, List<Link> events) {
    String expectedPrev = GENESIS;
    for (int i = 0; i < events.size(); i++) {
      Link e = events.get(i);
      String prev = e.previous().get(lotId);
      if (!expectedPrev.equals(prev)) {
        return Optional.of(new Break(i, e.eventId(), "its link to the previous event of the lot is " + prev
            + ", expected " + expectedPrev + " (an event was removed, inserted or its hash altered)"));
      }
      String recomputed = hash(e.body(), e.previous());
      if (!recomputed.equals(e.hash())) {
        return Optional.of(new Break(i, e.eventId(), "its content was altered: stored hash " + e.hash()
            + ", recomputed " + recomputed));
      }
      expectedPrev = e.hash();
    }
    return Optional.empty();
  }
}
