package org.mu1000.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.Document;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.finance.infrastructure.mongo.MongoFinanceStore;
import org.mu1000.platform.shared.infrastructure.mongo.Codecs;

/**
 * The payout run: what farmers are owed is booked through the ledger's own store (timed beside a raw insert of the
 * same documents), then a batch of one cooperative's farmers is prepared, approved by a second person and sent
 * through the local run's MoMo sandbox, and another through the Mojaloop Testing Toolkit; each is timed from the send
 * until every payout is final, beside the provider's own rate for bare requests (transfers to the MoMo sandbox,
 * party lookups to the toolkit, which a bulk batch asks one of per payout).
 */
final class PayoutBench {
  static final BigDecimal OWED = new BigDecimal("5700");
  static final String MOMO_USER = "5c6b7f8e-0d1a-4b2c-9e3f-a1b2c3d4e5f6";
  /** Each run books under keys of its own, so a run on a reused tenant owes its farmers afresh. */
  static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private final Benchmark b;
  private final Benchmark.Loaded l;
  private final String t;
  private final String root;
  private String approver;

  private PayoutBench(Benchmark b, Benchmark.Loaded l) {
    this.b = b;
    this.l = l;
    this.t = "tenants/" + l.tenant() + "/";
    this.root = b.base.replaceAll("api/v1/$", "");
  }

  static void run(Benchmark b, Benchmark.Loaded l, int momoPayouts, int mojaloopPayouts, String momo, String ttk)
      throws Exception {
    PayoutBench p = new PayoutBench(b, l);
    p.approver = p.approverToken();
    List<String> coops = new ArrayList<>();
    l.db().getCollection("cooperatives").find().projection(Projections.include("_id"))
        .forEach(d -> coops.add(d.getString("_id")));
    if (momoPayouts > 0) {
      p.momo(coops.get(0), momoPayouts, momo);
    }
    if (mojaloopPayouts > 0) {
      p.mojaloop(coops.get(1 % coops.size()), mojaloopPayouts, ttk);
    }
  }

  // ---- the ledger ----

  /** Books what each of {@code n} farmers of a cooperative is owed, one keyed entry each; returns their ids. */
  List<String> owe(String coop, int n, String label) {
    MongoDatabase db = l.db();
    List<String> farmers = new ArrayList<>();
    for (Document f : db.getCollection("farmers").find(Filters.and(Filters.eq("cooperativeId", coop),
        Filters.eq("deleted", false))).projection(Projections.include("_id")).limit(n)) {
      farmers.add(f.getString("_id"));
    }
    if (farmers.size() < n) {
      throw new IllegalArgumentException("cooperative " + coop + " has " + farmers.size() + " farmers, not " + n
          + ": load more farmers (--farmers)");
    }
    MongoFinanceStore store = new MongoFinanceStore(db);
    LocalDate today = LocalDate.now();
    List<JournalEntry> entries = new ArrayList<>();
    for (String f : farmers) {
      Map<String, BigDecimal> m = new LinkedHashMap<>();
      m.put("produce", OWED);
      m.put("farmer:" + f, OWED.negate());
      entries.add(JournalEntry.of("lot:bench-" + label + "-" + RUN + "-" + f, today, "lot", "bench-" + f, "benchmark harvest",
          "RWF", Benchmark.RATE, m, "benchmark", Instant.now()));
    }
    long s = System.nanoTime();
    for (int i = 0; i < entries.size(); i++) {
      store.insert(FinanceStore.JOURNAL, entries.get(i).id(), entries.get(i));
      if ((i + 1) % Math.max(1, n / 10) == 0) {
        Measure.progress("ledger entries", i + 1, n);
      }
    }
    String ledger = Benchmark.rate(n, s);
    var raw = db.getCollection("bench_raw_journal", BsonDocument.class);
    List<BsonDocument> docs = new ArrayList<>();
    s = System.nanoTime();
    for (JournalEntry e : entries) {
      docs.add(Codecs.document("raw-" + e.id(), e));
      if (docs.size() == 1000) {
        raw.insertMany(docs);
        docs.clear();
      }
    }
    if (!docs.isEmpty()) {
      raw.insertMany(docs);
    }
    String rawRate = Benchmark.rate(n, s);
    raw.drop();
    Benchmark.out("ledger.entries." + label, ledger, "entries/s", "raw-insert: " + rawRate + " entries/s, insertMany "
        + "of the same documents 1,000 a call; the ledger writes each entry alone under its key, as a business event "
        + "does");
    return farmers;
  }

  // ---- the batch ----

  /** Prepares, approves (as the second person) and sends a batch; returns the payouts per second until all final. */
  String batch(String coop, int n, String provider) throws Exception {
    long p0 = System.nanoTime();
    JsonNode batch = b.call("POST", t + "payout-batches", Map.of("cooperativeId", coop), 201);
    Benchmark.out("payouts.prepare." + provider, Benchmark.ms(p0), "ms", batch.path("count").asInt() + " payouts");
    if (batch.path("count").asInt() != n) {
      throw new IllegalStateException("the batch holds " + batch.path("count").asInt() + " payouts, not " + n);
    }
    String id = batch.path("id").asText();
    send("POST", t + "payout-batches/" + id + "/approval", approver, 200);
    long s = System.nanoTime();
    b.call("POST", t + "payout-batches/" + id + "/sending", null, 202);
    JsonNode progress;
    while (true) {
      progress = b.call("GET", t + "payout-batches/" + id, null, 200).path("progress");
      long open = progress.path("pending").asLong() + progress.path("submitting").asLong()
          + progress.path("sent").asLong();
      Measure.progress(provider + " payouts final", n - open, n);
      if (open == 0) {
        break;
      }
      if (System.nanoTime() - s > Duration.ofMinutes(30).toNanos()) {
        throw new IllegalStateException("the " + provider + " batch did not settle within 30 minutes: " + progress);
      }
      Thread.sleep(500);
    }
    String rate = Benchmark.rate(n, s);
    if (progress.path("paid").asInt() != n) {
      throw new IllegalStateException(provider + " batch: " + progress + " (every payout should be paid)");
    }
    return rate;
  }

  void momo(String coop, int n, String sandbox) throws Exception {
    owe(coop, n, "momo");
    b.call("PUT", t + "providers", List.of(Map.of("family", "payments", "provider", "momo", "settings", Map.of(
        "baseUrl", sandbox, "targetEnvironment", "sandbox", "apiUser", MOMO_USER, "callbackBaseUrl", root),
        "secrets", Map.of("apiKey", "sandbox-api-key", "subscriptionKey", "sandbox-subscription-key",
            "callbackToken", "bench-callback-token"))), 200);
    String rate = batch(coop, n, "momo");
    Benchmark.out("payouts.momo", rate, "payouts/s", "each payout a transfer, its callback, two ledger entries and "
        + "four state changes");
    // the sandbox alone: bare transfer requests from this client, 8 at a time
    String token = Benchmark.JSON.readTree(post(sandbox + "/disbursement/token/", Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((MOMO_USER + ":sandbox-api-key").getBytes(StandardCharsets.UTF_8)),
        "Ocp-Apim-Subscription-Key", "sandbox-subscription-key"), "", 200)).path("access_token").asText();
    double noop = Measure.throughput(n, 8, i -> post(sandbox + "/disbursement/v1_0/transfer", Map.of(
        "Authorization", "Bearer " + token, "X-Reference-Id", UUID.randomUUID().toString(), "X-Target-Environment",
        "sandbox", "Ocp-Apim-Subscription-Key", "sandbox-subscription-key", "Content-Type", "application/json"),
        "{\"amount\":\"5700\",\"currency\":\"RWF\",\"externalId\":\"noop-" + i + "\",\"payee\":{\"partyIdType\":"
            + "\"MSISDN\",\"partyId\":\"250780000001\"}}", 202));
    Benchmark.out("payouts.momo.sandbox-noop", String.format("%.0f", noop), "transfer requests/s", "bare transfer "
        + "requests to the sandbox, 8 clients");
  }

  void mojaloop(String coop, int n, String ttk) throws Exception {
    owe(coop, n, "mojaloop");
    URI config = URI.create(ttk.replace(":4040", ":5050") + "/api/config/user");
    JsonNode stored = Benchmark.JSON.readTree(b.http.send(HttpRequest.newBuilder(config).build(),
        HttpResponse.BodyHandlers.ofString()).body()).path("stored");
    // the toolkit keeps every message it saw for its UI: without their bodies, a long run fits its memory
    ((ObjectNode) stored).put("MONITORING_LOG_INCLUDE_PAYLOAD", false);
    ((ObjectNode) stored).put("CALLBACK_ENDPOINT", root + "api/v1/callbacks/mojaloop/" + l.tenant()
        + "/bench-ml-token");
    post(config.toString(), Map.of("Content-Type", "application/json"), stored.toString(), 200, "PUT");
    b.call("PUT", t + "providers", List.of(Map.of("family", "payments", "provider", "mojaloop", "settings",
        Map.of("baseUrl", ttk, "fspId", "mu1000bench"), "secrets", Map.of("callbackToken", "bench-ml-token"))), 200);
    String rate = batch(coop, n, "mojaloop");
    Benchmark.out("payouts.mojaloop", rate, "payouts/s", "each payout a party lookup, then per 1,000 payouts one "
        + "bulk quote and one bulk transfer, each with its callback");
    // then the toolkit alone, its callbacks going nowhere: bare party lookups, what each payout asks first
    ((ObjectNode) stored).put("CALLBACK_ENDPOINT", "http://127.0.0.1:9");
    post(config.toString(), Map.of("Content-Type", "application/json"), stored.toString(), 200, "PUT");
    int bare = Math.min(n, 1000);
    double noop = Measure.throughput(bare, 8, i -> get(ttk + "/parties/MSISDN/2507" + String.format("%08d", i),
        fspiop("parties")));
    Benchmark.out("payouts.mojaloop.toolkit-noop", String.format("%.1f", noop), "GET /parties/s", "bare party "
        + "lookups to the toolkit, 8 clients, its callbacks going nowhere");
  }

  private void get(String url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    headers.forEach(r::header); // the toolkit wants the FSPIOP content type on a GET too
    HttpResponse<String> a = b.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    if (a.statusCode() != 202) {
      throw new IllegalStateException("GET " + url + ": " + a.statusCode() + " " + a.body());
    }
  }

  private static Map<String, String> fspiop(String resource) {
    return Map.of("Accept", "application/vnd.interoperability." + resource + "+json;version=1", "Content-Type",
        "application/vnd.interoperability." + resource + "+json;version=1.1", "Date",
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(
            java.time.ZoneOffset.UTC)), "FSPIOP-Source", "mu1000bench", "FSPIOP-Destination", "testingtoolkitdfsp");
  }

  // ---- HTTP ----

  private String post(String url, Map<String, String> headers, String body, int expect) throws Exception {
    return post(url, headers, body, expect, "POST");
  }

  private String post(String url, Map<String, String> headers, String body, int expect, String method)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(r::header);
    HttpResponse<String> a;
    boolean resent = false;
    try {
      a = b.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException gone) {
      // the connection went before any answer (a server closing an idle keep-alive): once more, counted
      b.retried.add(method + " " + url + ": " + gone.getMessage());
      resent = true;
      a = b.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
    if (resent && a.statusCode() == 409) {
      return a.body(); // the first one was taken after all: the provider refuses the same reference again
    }
    if (a.statusCode() != expect) {
      throw new IllegalStateException(method + " " + url + " → " + a.statusCode() + " " + a.body());
    }
    return a.body();
  }

  private void send(String method, String path, String bearer, int expect) throws Exception {
    post(b.base + path, Map.of("Authorization", "Bearer " + bearer, "Content-Type", "application/json"), "",
        expect, method);
  }

  /**
   * A second administrator of the benchmark tenant, for the four eyes: invited through the API, its temporary
   * password made final through Keycloak's admin API (the local run's admin), then signed in.
   */
  private String approverToken() throws Exception {
    String username = l.tenant() + ".approver-" + RUN;
    String password = "bench-" + UUID.randomUUID();
    b.call("POST", t + "users", Map.of("username", username, "email", username + "@bench.local", "role",
        "tenant-admin", "temporaryPassword", password), 201);
    String admin = Benchmark.JSON.readTree(post(b.keycloak + "/realms/master/protocol/openid-connect/token",
        Map.of("Content-Type", "application/x-www-form-urlencoded"), "grant_type=password&client_id=admin-cli"
            + "&username=admin&password=" + URLEncoder.encode(System.getenv().getOrDefault(
                "MU1000_KEYCLOAK_ADMIN_PASSWORD", "admin"), StandardCharsets.UTF_8), 200)).path("access_token").asText();
    Map<String, String> auth = Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json");
    String id = Benchmark.JSON.readTree(b.http.send(HttpRequest.newBuilder(URI.create(b.keycloak
        + "/admin/realms/mu1000/users?exact=true&username=" + username)).header("Authorization", "Bearer " + admin)
        .build(), HttpResponse.BodyHandlers.ofString()).body()).get(0).path("id").asText();
    post(b.keycloak + "/admin/realms/mu1000/users/" + id + "/reset-password", auth, "{\"type\":\"password\","
        + "\"value\":\"" + password + "\",\"temporary\":false}", 204, "PUT");
    post(b.keycloak + "/admin/realms/mu1000/users/" + id, auth, "{\"requiredActions\":[]}", 204, "PUT");
    String form = "grant_type=password&client_id=mu1000-cli&username=" + username + "&password=" + password
        + "&scope=" + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8);
    return Benchmark.JSON.readTree(post(b.keycloak + "/realms/mu1000/protocol/openid-connect/token", Map.of(
        "Content-Type", "application/x-www-form-urlencoded"), form, 200)).path("access_token").asText();
  }
}
