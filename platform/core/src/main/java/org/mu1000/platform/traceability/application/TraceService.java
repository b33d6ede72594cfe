package org.mu1000.platform.traceability.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.domain.EventIds;
import org.mu1000.platform.traceability.domain.HashChain;

/**
 * GS1 EPCIS 2.0 events of every step a lot takes, hash-chained per lot; the EPCIS document export; chain
 * verification; and the control-plane index that lets a public Digital Link find the tenant of a lot.
 */
@ApplicationScoped
public class TraceService {
  public static final String EVENTS = "epcis_events";
  public static final String HEADS = "trace_heads";
  public static final String INDEX = "trace_index";
  public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
  public static final String NS = "https://mu1000.org/epcis/";
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");
  private static final ObjectMapper JSON = new ObjectMapper();

  private TenantDatabases databases;
  private Mongo mongo;
  private String publicUrl;

  protected TraceService() {}

  @Inject
  public TraceService(TenantDatabases databases, Mongo mongo,
      @ConfigProperty(name = "mu1000.public-url") Optional<String> publicUrl) {
    this.databases = databases;
    this.mongo = mongo;
    this.publicUrl = publicUrl.filter(u -> !u.isBlank()).orElse("http://localhost:8080").replaceAll("/+$", "");
  }

  /** The base of GS1 Digital Link URLs: this server's public address. */
  public String resolverBase() {
    return publicUrl;
  }

  /** Claims a lot number platform-wide; false when another lot (of any tenant) has it. */
  public boolean claimLotNumber(String lotNumber, Tenant t, String lotId) {
    try {
      index().insertOne(claim(lotNumber, t, lotId));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Adds the claim of a lot number to a batch of the control plane's deployment; its write fails as a duplicate key
   * when another lot (of any tenant) has the number. Returns the write's position in the batch.
   */
  public int claimLotNumber(WriteBatch batch, String lotNumber, Tenant t, String lotId) {
    return batch.insert(mongo.controlPlane().getName(), INDEX, claim(lotNumber, t, lotId));
  }

  private static Document claim(String lotNumber, Tenant t, String lotId) {
    return new Document("_id", lotNumber).append("tenant", t.id()).append("lotId", lotId);
  }

  public record Located(String tenant, String lotId) {}

  public Optional<Located> locate(String lotNumber) {
    Document d = index().find(new Document("_id", lotNumber)).first();
    return d == null ? Optional.empty() : Optional.of(new Located(d.getString("tenant"), d.getString("lotId")));
  }

  private MongoCollection<Document> index() {
    return mongo.controlPlane().getCollection(INDEX);
  }

  /**
   * The first event of a lot the batch makes: the event and the lot's chain head go with the batch (no earlier head to
   * read, and no round trip of their own). Returns the event id.
   */
  public String recordFirst(WriteBatch batch, Tenant t, Map<String, Object> event, String lotId) {
    Prepared p = prepare(t, event);
    Map<String, String> previous = Map.of(lotId, HashChain.GENESIS);
    String hash = HashChain.hash(p.body(), previous);
    String db = databases.of(t).getName();
    batch.insert(db, HEADS, new Document("_id", lotId).append("hash", hash).append("count", 1));
    batch.insert(db, EVENTS, p.document(List.of(lotId), previous, Map.of(lotId, 0), hash));
    return p.id();
  }

  /** An event with its id and record time, as canonical JSON: what the chain hashes. */
  private record Prepared(String id, Instant now, String body) {
    Document document(List<String> lots, Map<String, String> previous, Map<String, Integer> positions, String hash) {
      return new Document("_id", id).append("lots", lots).append("body", body)
          .append("previous", new Document(new LinkedHashMap<>(previous)))
          .append("positions", new Document(new LinkedHashMap<>(positions)))
          .append("hash", hash).append("recordedAt", now.toString());
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
    MongoDatabase db = databases.of(t);
    Prepared p = prepare(t, event);
    List<String> lots = lotIds.stream().distinct().sorted().toList();
    MongoCollection<Document> heads = db.getCollection(HEADS);
    for (int attempt = 0; attempt < 10; attempt++) {
      Map<String, String> previous = new LinkedHashMap<>();
      Map<String, Integer> positions = new LinkedHashMap<>();
      for (String lot : lots) {
        Document h = heads.find(new Document("_id", lot)).first();
        previous.put(lot, h == null ? HashChain.GENESIS : h.getString("hash"));
        positions.put(lot, h == null ? 0 : h.getInteger("count"));
      }
      String hash = HashChain.hash(p.body(), previous);
      List<String> moved = new ArrayList<>();
      boolean ok = true;
      for (String lot : lots) {
        if (advance(heads, lot, positions.get(lot), previous.get(lot), hash)) {
          moved.add(lot);
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) {
        for (String lot : moved) { // someone else appended to one of the lots: undo ours and read the heads again
          heads.updateOne(new Document("_id", lot).append("hash", hash), new Document("$set",
              new Document("hash", previous.get(lot)).append("count", positions.get(lot))));
        }
        continue;
      }
      db.getCollection(EVENTS).insertOne(p.document(lots, previous, positions, hash));
      return p.id();
    }
    throw new DomainException(DomainException.Kind.CONFLICT, "the lot is being changed by someone else; try again");
  }

  private static boolean advance(MongoCollection<Document> heads, String lot, int count, String prev, String hash) {
    if (count == 0) {
      try {
        heads.insertOne(new Document("_id", lot).append("hash", hash).append("count", 1));
        return true;
      } catch (MongoWriteException e) {
        return false;
      }
    }
    return heads.updateOne(new Document("_id", lot).append("hash", prev).append("count", count),
        new Document("$set", new Document("hash", hash).append("count", count + 1))).getMatchedCount() == 1;
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
    databases.of(t).getCollection(EVENTS).find(Filters.eq("lots", lotId)).forEach(d -> out.add(stored(d)));
    out.sort(Comparator.comparing(s -> s.positions().getOrDefault(lotId, 0)));
    return out;
  }

  private static Stored stored(Document d) {
    Map<String, String> prev = new LinkedHashMap<>();
    d.get("previous", Document.class).forEach((k, v) -> prev.put(k, String.valueOf(v)));
    Map<String, Integer> pos = new LinkedHashMap<>();
    Document p = d.get("positions", Document.class);
    if (p != null) {
      p.forEach((k, v) -> pos.put(k, ((Number) v).intValue()));
    }
    return new Stored(d.getString("_id"), d.getString("body"), prev, pos, d.getString("hash"));
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
    Document head = databases.of(t).getCollection(HEADS).find(new Document("_id", lotId)).first();
    String last = events.isEmpty() ? HashChain.GENESIS : events.get(events.size() - 1).hash();
    if (head != null && !head.getString("hash").equals(last)) {
      return new Verification(lotId, events.size(), false, events.size(), null,
          "the lot's latest event (hash " + head.getString("hash") + ") is missing");
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
