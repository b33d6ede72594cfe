package org.mu1000.platform.traceability.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.domain.EventIds;
import org.mu1000.platform.traceability.domain.EventLog;
import org.mu1000.platform.traceability.domain.HashChain;

/**
 * GS1 EPCIS 2.0 events of every step a lot takes, hash-chained per lot; the EPCIS document export; chain
 * verification; and the control-plane index that lets a public Digital Link find the tenant of a lot.
 */
@ApplicationScoped
public class TraceService {
  public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
  public static final String NS = "https://mu1000.org/epcis/";
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
  private static final ObjectMapper JSON = new ObjectMapper();

  private EventLog log;
  private String publicUrl;

  protected TraceService() {}

  @Inject
  public TraceService(EventLog log,
      @ConfigProperty(name = "mu1000.public-url") Optional<String> publicUrl) {
    this.log = log;
    this.publicUrl = publicUrl.filter(u -> !u.isBlank()).orElse("http://localhost:8080").replaceAll("/+$", "");
  }

  /** The base of GS1 Digital Link URLs: this server's public address. */
  public String resolverBase() {
    return publicUrl;
  }

  /** Claims a lot number platform-wide; false when another lot (of any tenant) has it. */
  public boolean claimLotNumber(String lotNumber, Tenant t, String lotId) {
    return log.claim(lotNumber, t.id(), lotId);
  }

  /**
   * Adds the claim of a lot number to a batch of the control plane's deployment; its write fails as a duplicate key
   * when another lot (of any tenant) has the number. Returns the write's position in the batch.
   */
  public int claimLotNumber(Batch batch, String lotNumber, Tenant t, String lotId) {
    return log.claim(batch, lotNumber, t.id(), lotId);
  }

  public Optional<EventLog.Located> locate(String lotNumber) {
    return log.locate(lotNumber);
  }

  /**
   * The first event of a lot the batch makes: the event and the lot's chain head go with the batch (no earlier head to
   * read, and no round trip of their own). Returns the event id.
   */
  public String recordFirst(Batch batch, Tenant t, Map<String, Object> event, String lotId) {
    Prepared p = prepare(t, event);
    Map<String, String> previous = Map.of(lotId, HashChain.GENESIS);
    String hash = HashChain.hash(p.body(), previous);
    log.recordFirst(batch, t, p.chained(List.of(lotId), previous, Map.of(lotId, 0), hash));
    return p.id();
  }

  /** An event with its id and record time, as canonical JSON: what the chain hashes. */
  private record Prepared(String id, Instant now, String body) {
    EventLog.Chained chained(List<String> lots, Map<String, String> previous, Map<String, Integer> positions,
        String hash) {
      return new EventLog.Chained(id, lots, body, previous, positions, hash, now.toString());
    }
  }

  private static Prepared prepare(Tenant t, Map<String, Object> event) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Map<String, Object> e = new LinkedHashMap<>();
    String id = EventIds.next();
    e.put("type", event.get("type"));
    e.put("eventID", id);
    e.put("eventTime", event.getOrDefault("eventTime", now.toString()));
    e.put("recordTime", now.toString());
    e.put("eventTimeZoneOffset", offset(t, now));
    event.forEach((k, v) -> e.putIfAbsent(k, v));
    try {
      return new Prepared(id, now, JSON.writeValueAsString(e));
    } catch (JsonProcessingException x) {
      throw new IllegalStateException(x);
    }
  }

  /**
   * Records one event touching these lots: gives it an id and record time, links it to each lot's previous event
   * and moves each lot's chain head to it. Returns the event id.
   */
  public String record(Tenant t, Map<String, Object> event, List<String> lotIds) {
    Prepared p = prepare(t, event);
    List<String> lots = lotIds.stream().distinct().sorted().toList();
    for (int attempt = 0; attempt < 10; attempt++) {
      Map<String, String> previous = new LinkedHashMap<>();
      Map<String, Integer> positions = new LinkedHashMap<>();
      for (String lot : lots) {
        Optional<EventLog.Head> h = log.head(t, lot);
        previous.put(lot, h.map(EventLog.Head::hash).orElse(HashChain.GENESIS));
        positions.put(lot, h.map(EventLog.Head::count).orElse(0));
      }
      String hash = HashChain.hash(p.body(), previous);
      List<String> moved = new ArrayList<>();
      boolean ok = true;
      for (String lot : lots) {
        if (log.advance(t, lot, positions.get(lot), previous.get(lot), hash)) {
          moved.add(lot);
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) {
        for (String lot : moved) { // someone else appended to one of the lots: undo ours and read the heads again
          log.restore(t, lot, hash, previous.get(lot), positions.get(lot));
        }
        continue;
      }
      log.append(t, p.chained(lots, previous, positions, hash));
      return p.id();
    }
    throw new DomainException(DomainException.Kind.CONFLICT, "the lot is being changed by someone else; try again");
  }

  private static String offset(Tenant t, Instant at) {
    return ZonedDateTime.ofInstant(at, ZoneId.of(t.config().timezone())).format(OFFSET);
  }

  /** A stored event as recorded: body (canonical JSON), links and hash. */
  public record Stored(String eventId, String body, Map<String, String> previous, Map<String, Integer> positions,
      String hash) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> event() {
      try {
        return JSON.readValue(body, LinkedHashMap.class);
      } catch (JsonProcessingException e) {
        return Map.of("type", "ObjectEvent", "mu1000:unreadable", body);
      }
    }
  }

  /** A lot's events in the order they were recorded on it. */
  public List<Stored> events(Tenant t, String lotId) {
    List<Stored> out = new ArrayList<>();
    for (EventLog.Chained e : log.events(t, lotId)) {
      out.add(new Stored(e.eventId(), e.body(), e.previous(), e.positions(), e.hash()));
    }
    out.sort(Comparator.comparing(s -> s.positions().getOrDefault(lotId, 0)));
    return out;
  }

  public record Verification(String lotId, int events, boolean intact, Integer brokenAt, String brokenEventId,
      String reason) {}

  /** Recomputes each lot's chain; also catches a chain whose last event is missing (the head points past it). */
  public Verification verify(Tenant t, String lotId) {
    List<Stored> events = events(t, lotId);
    List<HashChain.Link> links = events.stream()
        .map(s -> new HashChain.Link(s.eventId(), s.body(), s.previous(), s.hash())).toList();
    Optional<HashChain.Break> b = HashChain.verify(lotId, links);
    if (b.isPresent()) {
      return new Verification(lotId, events.size(), false, b.get().position(), b.get().eventId(), b.get().reason());
    }
    Optional<EventLog.Head> head = log.head(t, lotId);
    String last = events.isEmpty() ? HashChain.GENESIS : events.get(events.size() - 1).hash();
    if (head.isPresent() && !head.get().hash().equals(last)) {
      return new Verification(lotId, events.size(), false, events.size(), null,
          "the lot's latest event (hash " + head.get().hash() + ") is missing");
    }
    return new Verification(lotId, events.size(), true, null, null, null);
  }

  /** An EPCIS 2.0 JSON-LD document of these lots' events, each with its chain hash and links as extensions. */
  public Map<String, Object> document(Tenant t, List<String> lotIds) {
    Map<String, Stored> byId = new LinkedHashMap<>();
    for (String lot : lotIds) {
      events(t, lot).forEach(s -> byId.putIfAbsent(s.eventId(), s));
    }
    List<Map<String, Object>> list = new ArrayList<>();
    byId.values().stream().sorted(Comparator.comparing(s -> String.valueOf(s.event().get("recordTime"))))
        .forEach(s -> {
          Map<String, Object> e = s.event();
          e.put("mu1000:hash", s.hash());
          List<Map<String, String>> links = new ArrayList<>();
          s.previous().forEach((lot, prev) -> links.add(Map.of("lot", lot, "previousHash", prev)));
          e.put("mu1000:previous", links);
          list.add(e);
        });
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@context", List.of(CONTEXT, Map.of("mu1000", NS)));
    doc.put("type", "EPCISDocument");
    doc.put("schemaVersion", "2.0");
    doc.put("creationDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    doc.put("sender", "urn:mu1000:tenant:" + t.id());
    doc.put("epcisBody", Map.of("eventList", list));
    return doc;
  }
}
