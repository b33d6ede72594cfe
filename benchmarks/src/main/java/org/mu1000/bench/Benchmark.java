package org.mu1000.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Random;
import org.bson.Document;

/**
 * Loads a synthetic programme into a running Mu1000 (./mu1000 run) and prints, in one run:
 * REST intake throughput beside a no-op endpoint on the same server; dashboard query p50/p95 beside computing the
 * same figure from the raw lots; and the time of the admin recompute. Lines read {@code name: value unit}.
 *
 * <p>Farmers, plots and lots are bulk-inserted into the tenant's database in the application's own document shapes
 * (loading a million lots through REST would take hours); the recompute then builds every rollup from them, and the
 * timed intake goes through REST like any client's.
 */
public final class Benchmark {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String[] COOPS = {"Abakundakawa", "Kopakama", "Maraba", "Karaba", "Dukunde Kawa"};
  static final BigDecimal RATE = new BigDecimal("1462.00");

  final String base;
  final String keycloak;
  final HttpClient http;
  String token;
  Instant tokenAt;
  /** The tenant the run loaded or reused, for the payout run after it. */
  Loaded loaded;
  /** Requests sent a second time after their connection failed, with why: printed with the figures. */
  final List<String> retried = Collections.synchronizedList(new ArrayList<>());

  /**
   * HTTP/1.1 by default, as a reverse proxy in front of the app speaks it; {@code http2} upgrades to cleartext
   * HTTP/2 (Java's default), which Payara's Grizzly answers but never frees the streams of (about 5 KB a request).
   */
  Benchmark(String base, String keycloak, boolean http2) {
    this.base = base.replaceAll("/+$", "") + "/api/v1/";
    this.keycloak = keycloak.replaceAll("/+$", "");
    this.http = HttpClient.newBuilder().version(http2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new LinkedHashMap<>();
    for (String arg : args) {
      String[] kv = arg.replaceFirst("^--", "").split("=", 2);
      a.put(kv[0], kv.length > 1 ? kv[1] : "true");
    }
    int farmers = Integer.parseInt(a.getOrDefault("farmers", "100000"));
    int lots = Integer.parseInt(a.getOrDefault("lots", "1000000"));
    int requests = Integer.parseInt(a.getOrDefault("requests", "2000"));
    int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "8"));
    int queries = Integer.parseInt(a.getOrDefault("queries", "200"));
    int rawRuns = Integer.parseInt(a.getOrDefault("raw-runs", "3"));
    String protocol = a.getOrDefault("http", "1.1");
    if (!protocol.equals("1.1") && !protocol.equals("2")) {
      System.err.println("benchmark failed: --http is 1.1 or 2, not " + protocol);
      System.exit(2);
    }
    Benchmark b = new Benchmark(a.getOrDefault("base", "http://localhost:8080"),
        a.getOrDefault("keycloak", "http://localhost:8180"), protocol.equals("2"));
    try (MongoClient mongo = MongoClients.create(a.getOrDefault("mongo", "mongodb://127.0.0.1:27117"))) {
      b.run(mongo, a.get("tenant"), farmers, lots, requests, concurrency, queries, rawRuns,
          Integer.parseInt(a.getOrDefault("import", "5000")), Integer.parseInt(a.getOrDefault("soak", "0")));
      int payouts = Integer.parseInt(a.getOrDefault("payouts", "10000"));
      int mojaloop = Integer.parseInt(a.getOrDefault("payouts-mojaloop", "1000"));
      if (payouts > 0 || mojaloop > 0) {
        long p0 = System.nanoTime();
        PayoutBench.run(b, b.loaded, payouts, mojaloop, a.getOrDefault("momo", "http://127.0.0.1:8091"),
            a.getOrDefault("ttk", "http://127.0.0.1:4040"));
        out("total.payouts", ms(p0) / 1000, "s", null);
      }
    } catch (IllegalStateException | IllegalArgumentException failed) {
      System.err.println("\nbenchmark failed: " + failed.getMessage());
      System.exit(1);
    }
  }

  static void out(String name, Object value, String unit, String beside) {
    System.out.println(name + ": " + value + " " + unit + (beside == null ? "" : "    (" + beside + ")"));
  }

  /** A loaded benchmark tenant: its programme and the farmer/plot pairs intake is timed with. */
  record Loaded(String tenant, String programme, MongoDatabase db, List<String[]> growers) {}

  /**
   * One run. With {@code reuse} (a tenant an earlier run loaded) the load and the recompute are skipped and the
   * queries and the intake are measured again on what that tenant holds now.
   */
  void run(MongoClient mongo, String reuse, int farmers, int lotCount, int requests, int concurrency, int queries,
      int rawRuns, int imported, int soakMinutes) throws Exception {
    long t0 = System.nanoTime();
    Loaded l = reuse == null ? Load.run(this, mongo, farmers, lotCount) : loaded(mongo, reuse);
    loaded = l;
    measure(l, requests, concurrency, queries, rawRuns, soakMinutes);
    if (imported > 0) {
      ImportBench.run(this, l, imported);
    }
    out("total", ms(t0) / 1000, "s", null);
  }

  Loaded loaded(MongoClient mongo, String tenant) {
    MongoDatabase db = mongo.getDatabase("mu1000_" + tenant.replace('-', '_'));
    Document programme = db.getCollection("programmes").find().first();
    if (programme == null) {
      throw new IllegalArgumentException("tenant " + tenant + " holds no programme: is it a benchmark tenant?");
    }
    List<String[]> growers = new ArrayList<>();
    for (Document p : db.getCollection("plots").find(Filters.eq("deleted", false)).limit(5000).batchSize(1000)) {
      growers.add(new String[] {p.getString("farmerId"), p.getString("_id")});
    }
    System.out.println("# Mu1000 benchmark · reusing tenant " + tenant + " · " + db.getCollection("lots")
        .estimatedDocumentCount() + " lots · " + Runtime.getRuntime().availableProcessors() + " cores · "
        + LocalDate.now());
    return new Loaded(tenant, programme.getString("_id"), db, growers);
  }

  void measure(Loaded l, int requests, int concurrency, int queries, int rawRuns, int soakMinutes)
      throws Exception {
    String t = "tenants/" + l.tenant() + "/";
    String programme = l.programme();
    MongoDatabase db = l.db();
    Random rnd = new Random(43);

    // --- dashboard: rollups vs the same figure from the raw lots ---
    String q = t + "impact?level=programme&season=2026&programmeId=" + programme;
    JsonNode fig = call("GET", q, null, 200);
    List<Long> dash = new ArrayList<>();
    List<Long> coopQ = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      long s = System.nanoTime();
      send("GET", q, null, 200);
      dash.add(System.nanoTime() - s);
      s = System.nanoTime();
      send("GET", t + "impact/cooperatives?season=2026&programmeId=" + programme, null, 200);
      coopQ.add(System.nanoTime() - s);
    }
    List<Long> raw = new ArrayList<>();
    BigDecimal rawUsdPerMu = null;
    for (int i = 0; i < rawRuns; i++) {
      long s = System.nanoTime();
      rawUsdPerMu = Measure.fromRawLots(db, programme);
      raw.add(System.nanoTime() - s);
    }
    out("dashboard.programme.p50", Measure.pct(dash, 50), "ms", null);
    out("dashboard.programme.p95", Measure.pct(dash, 95), "ms", "target ≤ 200 ms; " + queries + " queries");
    out("dashboard.cooperatives.p50", Measure.pct(coopQ, 50), "ms", null);
    out("dashboard.cooperatives.p95", Measure.pct(coopQ, 95), "ms", null);
    if (rawRuns > 0) {
      out("raw-lots.programme.p50", Measure.pct(raw, 50), "ms", "the same figure by scanning lots and plots, " + rawRuns
          + " runs");
      out("raw-lots.programme.p95", Measure.pct(raw, 95), "ms", null);
    }
    out("figure.usdPerMu.rollup", fig.path("usdPerMu").asText(), "USD/mu", "raw lots: "
        + (rawUsdPerMu == null ? "-" : rawUsdPerMu.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));

    // --- intake through REST vs a no-op endpoint behind the same authentication and tenant checks ---
    List<String[]> sample = new ArrayList<>(l.growers().subList(0, Math.min(l.growers().size(), 5000)));
    Collections.shuffle(sample, rnd);
    Call noopCall = i -> send("POST", t + "noop", Map.of("i", i), 201);
    Call intakeCall = i -> send("POST", t + "intakes", delivery(sample.get(i % sample.size())), 201, null);
    // the same intake made safe to retry: a key of its own for every request, as a field agent's phone sends it
    Call keyedCall = i -> send("POST", t + "intakes", delivery(sample.get(i % sample.size())), 201,
        UUID.randomUUID().toString());
    // Both paths compiled by the JIT (C2 needs a few thousand calls) before they are timed. Then they take turns, a
    // quarter of the requests at a time: the store's background work (writing pages back, compacting, which it does
    // most when no writes come, i.e. during a run of no-ops) then falls on both alike.
    int warm = Math.max(1000, requests / 2);
    Measure.throughput(warm, concurrency, noopCall);
    Measure.throughput(warm, concurrency, intakeCall);
    Measure.throughput(warm, concurrency, keyedCall);
    int rounds = 4;
    int each = Math.max(1, requests / rounds);
    double noopSeconds = 0;
    double intakeSeconds = 0;
    double keyedSeconds = 0;
    Cpu cpu = new Cpu();
    long[] noopCpu = new long[cpu.size()];
    long[] intakeCpu = new long[cpu.size()];
    List<String> turns = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long[] c0 = cpu.nanos();
      double noopRate = Measure.throughput(each, concurrency, noopCall);
      long[] c1 = cpu.nanos();
      double intakeRate = Measure.throughput(each, concurrency, intakeCall);
      long[] c2 = cpu.nanos();
      keyedSeconds += each / Measure.throughput(each, concurrency, keyedCall);
      noopSeconds += each / noopRate;
      intakeSeconds += each / intakeRate;
      turns.add(String.format("%.0f / %.0f = %.2f", intakeRate, noopRate, intakeRate / noopRate));
      for (int k = 0; k < c0.length; k++) {
        noopCpu[k] += c1[k] - c0[k];
        intakeCpu[k] += c2[k] - c1[k];
      }
    }
    double noop = rounds * each / noopSeconds;
    double intake = rounds * each / intakeSeconds;
    out("noop.rest", String.format("%.1f", noop), "req/s", concurrency + " concurrent clients ("
        + http.version().toString().replace("HTTP_1_1", "HTTP/1.1").replace("HTTP_2", "HTTP/2") + "), " + rounds * each
        + " requests in " + rounds + " turns with intake, after " + warm + " warm-up requests each");
    out("intake.rest", String.format("%.1f", intake), "req/s", String.format("%.2f × no-op; target ≥ 0.40",
        intake / noop));
    out("intake.turns", String.join("; ", turns), "req/s", "intake / no-op in each turn: the spread of the ratio");
    double keyed = rounds * each / keyedSeconds;
    out("intake.idempotent", String.format("%.1f", keyed), "req/s", String.format(
        "%.2f × intake without a key; target ≥ 0.90 (each with an Idempotency-Key of its own)", keyed / intake));
    out("cpu.noop", cpu.perRequest(noopCpu, rounds * each), "ms/request", "CPU time per request by process");
    out("cpu.intake", cpu.perRequest(intakeCpu, rounds * each), "ms/request", null);
    if (soakMinutes > 0) {
      if (!cpu.processes.containsKey("app")) {
        throw new IllegalArgumentException("--soak reads the app's heap with jcmd: run the app on this machine");
      }
      Soak.run(cpu.processes.get("app").pid(), intake / 2, soakMinutes, keyedCall);
    }
    synchronized (retried) {
      out("retried", String.valueOf(retried.size()), "requests", retried.isEmpty() ? null
          : "connection lost before an answer, sent again: " + String.join("; ", retried));
    }
  }

  static BigDecimal dec(Object v) {
    return v instanceof org.bson.types.Decimal128 x ? x.bigDecimalValue() : new BigDecimal(String.valueOf(v));
  }

  interface Call {
    void run(int i) throws Exception;
  }

  JsonNode call(String method, String path, Object body, int expect) throws Exception {
    String r = send(method, path, body, expect);
    return r.isEmpty() ? JSON.createObjectNode() : JSON.readTree(r);
  }

  /** One delivery of one graded lot by a farmer from their plot. */
  private static Map<String, Object> delivery(String[] grower) {
    return Map.of("farmerId", grower[0], "plotId", grower[1], "harvestDate", "2026-05-10", "grossKg", 60, "lots",
        List.of(Map.of("kg", 60, "measurements", Map.of("ripe", 96, "defects", 2, "moisture", 11))));
  }

  /**
   * A request whose answer only needs the expected status: the timed ones, so that this client (which shares the
   * machine's cores with the servers) does not spend time parsing answers nobody reads.
   */
  String send(String method, String path, Object body, int expect) throws Exception {
    return send(method, path, body, expect, null);
  }

  /** A request with an {@code Idempotency-Key} (null: none). */
  String send(String method, String path, Object body, int expect, String idempotencyKey) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    if (body instanceof byte[] file) {
      b.header("Content-Type", "application/octet-stream").method(method, HttpRequest.BodyPublishers.ofByteArray(
          file));
    } else if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
          JSON.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw e;
    } catch (java.io.IOException e) {
      // the connection went before any answer (three times in about two million requests here; the server logs
      // nothing): sent again once on a fresh one, and counted, since an intake sent twice without a key may be
      // recorded twice (with its key it is not)
      retried.add(method + " " + path.replaceAll(".*/", "") + ": " + e.getMessage());
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
    if (r.statusCode() != expect) {
      throw new IllegalStateException(method + " " + path + " → " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  synchronized String token() throws Exception {
    if (token == null || tokenAt.isBefore(Instant.now().minusSeconds(200))) {
      String form = "grant_type=password&client_id=mu1000-cli&username=agency.admin&password=mu1000-demo&scope="
          + URLEncoder.encode("openid organization:*", StandardCharsets.UTF_8);
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(keycloak
          + "/realms/mu1000/protocol/openid-connect/token")).header("Content-Type",
              "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("no token from Keycloak: " + r.statusCode() + " " + r.body());
      }
      token = JSON.readTree(r.body()).path("access_token").asText();
      tokenAt = Instant.now();
    }
    return token;
  }

  static String rate(long n, long startNanos) {
    return String.format("%.0f", n / ((System.nanoTime() - startNanos) / 1e9));
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

}
