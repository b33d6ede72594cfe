package org.mu1000.integrations.payments.momo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A stand-in for MTN MoMo's Open API (disbursement: token, transfer, transfer status, balance) for the local run and
 * the tests: a real HTTP server speaking MoMo's documented format, with switches for the faults a real operator
 * shows: slow answers, 5xx bursts, duplicate, out-of-order, early and lost callbacks, and rejected payees or funds.
 * It keeps each transfer under its X-Reference-Id, as MoMo does, so a transfer sent twice is refused (409), never
 * paid twice; {@link #paidTo} and {@link #transfersFor} let a test count what was paid.
 */
public final class MomoSandbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MomoSandbox.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern UUID_V4 = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");

  /** A transfer as the operator holds it. */
  public record Transfer(String referenceId, String externalId, BigDecimal amount, String currency, String msisdn,
      String status, String reason, String financialTransactionId, String callbackUrl, boolean collection) {}

  /** Fault switches; change them at any time (from a test, or POST /_sandbox/faults in the local run). */
  public static final class Faults {
    /** The next N transfer requests answer 500. */
    public final AtomicInteger fail5xx = new AtomicInteger();
    /** Transfer requests are answered after this delay (a client with a shorter time-out sees a time-out). */
    public volatile long delayMs;
    public volatile boolean duplicateCallbacks;
    /** After the final callback, a stale PENDING one. */
    public volatile boolean outOfOrderCallbacks;
    /** The callback is sent before the 202 is. */
    public volatile boolean callbackBefore202;
    /** No callback at all: only a status query tells. */
    public volatile boolean lostCallbacks;
    /** How long a transfer stays PENDING before it is final. */
    public volatile long settleMs = 50;
    /** Payees the operator does not know (the transfer fails with PAYEE_NOT_FOUND). */
    public final Set<String> unknownPayees = ConcurrentHashMap.newKeySet();

    public void reset() {
      fail5xx.set(0);
      delayMs = 0;
      duplicateCallbacks = false;
      outOfOrderCallbacks = false;
      callbackBefore202 = false;
      lostCallbacks = false;
      settleMs = 50;
      unknownPayees.clear();
    }
  }

  public final Faults faults = new Faults();
  private final HttpServer server;
  private final String apiUser;
  private final String apiKey;
  private final String subscriptionKey;
  private final String environment;
  private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final AtomicLong balance;
  private final AtomicInteger transferRequests = new AtomicInteger();
  private final AtomicInteger callbacksSent = new AtomicInteger();
  private final ScheduledExecutorService settler = Executors.newScheduledThreadPool(8, r -> {
    Thread t = new Thread(r, "momo-sandbox-settler");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public MomoSandbox(int port, String apiUser, String apiKey, String subscriptionKey, String environment,
      long balance) {
    this.apiUser = apiUser;
    this.apiKey = apiKey;
    this.subscriptionKey = subscriptionKey;
    this.environment = environment;
    this.balance = new AtomicLong(balance);
    server = org.mu1000.integrations.Sandboxes.server(port, "momo-sandbox");
    server.createContext("/disbursement/token/", this::token);
    server.createContext("/disbursement/v1_0/transfer", this::transfer);
    server.createContext("/disbursement/v1_0/account/balance", this::balance);
    server.createContext("/collection/token/", this::token);
    server.createContext("/collection/v1_0/requesttopay", this::transfer);
    server.createContext("/_sandbox/faults", this::setFaults);
    server.start();
  }

  /** The local run's sandbox: {@code java ... MomoSandbox PORT API_USER API_KEY SUBSCRIPTION_KEY}. */
  public static void main(String[] args) throws InterruptedException {
    MomoSandbox s = new MomoSandbox(Integer.parseInt(args[0]), args[1], args[2], args[3], "sandbox",
        1_000_000_000_000L);
    LOG.info("MoMo sandbox on " + s.baseUrl());
    Thread.currentThread().join();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int transferRequests() {
    return transferRequests.get();
  }

  public int callbacksSent() {
    return callbacksSent.get();
  }

  /** Transfers the operator holds for a payout (our external id): more than one successful would be a double payout. */
  public long transfersFor(String externalId, String status) {
    return transfers.values().stream().filter(t -> t.externalId().equals(externalId) && t.status().equals(status))
        .count();
  }

  /** What reached a phone number in successful transfers. */
  public BigDecimal paidTo(String msisdn) {
    return transfers.values().stream().filter(t -> !t.collection() && t.msisdn().equals(msisdn)
        && t.status().equals("SUCCESSFUL")).map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** What a payer approved in successful requests to pay (collections). */
  public BigDecimal collectedFrom(String msisdn) {
    return transfers.values().stream().filter(t -> t.collection() && t.msisdn().equals(msisdn)
        && t.status().equals("SUCCESSFUL")).map(Transfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public long successful() {
    return transfers.values().stream().filter(t -> t.status().equals("SUCCESSFUL")).count();
  }

  public Map<String, Transfer> transfers() {
    return Map.copyOf(transfers);
  }

  /** The operator reverses a transfer on its side (for reconciliation tests): its status becomes FAILED. */
  public void reverse(String referenceId) {
    transfers.computeIfPresent(referenceId, (k, t) -> new Transfer(t.referenceId(), t.externalId(), t.amount(),
        t.currency(), t.msisdn(), "FAILED", "REVERSED", t.financialTransactionId(), t.callbackUrl(), t.collection()));
  }

  /** Sets the float the transfers are paid from (in the currency's minor units as a whole number). */
  public void balance(long amount) {
    balance.set(amount);
  }

  private void token(HttpExchange ex) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString((apiUser + ":" + apiKey)
        .getBytes(StandardCharsets.UTF_8));
    if (!"POST".equals(ex.getRequestMethod()) || !expected.equals(ex.getRequestHeaders().getFirst("Authorization"))
        || !subscriptionKey.equals(ex.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))) {
      answer(ex, 401, error("UNAUTHORIZED", "access denied: invalid API user, key or subscription key"));
      return;
    }
    String token = UUID.randomUUID().toString();
    tokens.add(token);
    ObjectNode o = JSON.createObjectNode().put("access_token", token).put("token_type", "access_token")
        .put("expires_in", 3600);
    answer(ex, 200, o);
  }

  private boolean authorised(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))
        || !subscriptionKey.equals(ex.getRequestHeaders().getFirst("Ocp-Apim-Subscription-Key"))) {
      answer(ex, 401, error("UNAUTHORIZED", "access denied: invalid or expired token or subscription key"));
      return false;
    }
    if (!environment.equals(ex.getRequestHeaders().getFirst("X-Target-Environment"))) {
      answer(ex, 400, error("INVALID_TARGET_ENVIRONMENT", "X-Target-Environment must be " + environment));
      return false;
    }
    return true;
  }

  private void transfer(HttpExchange ex) throws IOException {
    if (!authorised(ex)) {
      return;
    }
    String path = ex.getRequestURI().getPath();
    if ("GET".equals(ex.getRequestMethod())) {
      String ref = path.substring(path.lastIndexOf('/') + 1);
      Transfer t = transfers.get(ref);
      if (t == null) {
        answer(ex, 404, error("RESOURCE_NOT_FOUND", "Requested resource was not found."));
      } else {
        answer(ex, 200, statusBody(t, t.status()));
      }
      return;
    }
    transferRequests.incrementAndGet();
    JsonNode body;
    try {
      body = JSON.readTree(ex.getRequestBody());
    } catch (IOException e) {
      answer(ex, 400, error("INVALID_JSON", "the body is not JSON"));
      return;
    }
    String ref = ex.getRequestHeaders().getFirst("X-Reference-Id");
    if (ref == null || !UUID_V4.matcher(ref).matches()) {
      answer(ex, 400, error("INVALID_REFERENCE_ID", "X-Reference-Id must be a UUID version 4"));
      return;
    }
    if (faults.fail5xx.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(ex, 500, error("INTERNAL_PROCESSING_ERROR", "An internal error occurred while processing."));
      return;
    }
    boolean collection = path.startsWith("/collection/");
    JsonNode party = body.path(collection ? "payer" : "payee");
    String amount = body.path("amount").asText("");
    String msisdn = party.path("partyId").asText("");
    if (!amount.matches("[0-9]+(\\.[0-9]{1,2})?") || !"MSISDN".equals(party.path("partyIdType").asText())
        || !msisdn.matches("[0-9]{8,15}") || body.path("currency").asText("").length() != 3) {
      answer(ex, 400, error("INVALID_PAYEE_OR_AMOUNT", "amount, currency or payee is not valid"));
      return;
    }
    String callbackUrl = ex.getRequestHeaders().getFirst("X-Callback-Url");
    Transfer t = new Transfer(ref, body.path("externalId").asText(""), new BigDecimal(amount),
        body.path("currency").asText(), msisdn, "PENDING", null, null, callbackUrl, collection);
    if (transfers.putIfAbsent(ref, t) != null) {
      answer(ex, 409, error("RESOURCE_ALREADY_EXIST", "Duplicated reference id. Creation of resource failed."));
      return;
    }
    if (faults.callbackBefore202) {
      settle(ref);
    } else {
      settler.schedule(() -> settle(ref), faults.settleMs, TimeUnit.MILLISECONDS);
    }
    if (faults.delayMs > 0) {
      sleep(faults.delayMs);
    }
    answer(ex, 202, null);
  }

  private void settle(String ref) {
    Transfer t = transfers.get(ref);
    if (t == null || !t.status().equals("PENDING")) {
      return;
    }
    String status = "SUCCESSFUL";
    String reason = null;
    long minor = t.amount().longValue();
    if (faults.unknownPayees.contains(t.msisdn())) {
      status = "FAILED";
      reason = t.collection() ? "PAYER_NOT_FOUND" : "PAYEE_NOT_FOUND";
    } else if (t.collection()) {
      balance.addAndGet(minor); // the buyer's money comes in
    } else if (balance.getAndUpdate(b -> b >= minor ? b - minor : b) < minor) {
      status = "FAILED";
      reason = "NOT_ENOUGH_FUNDS";
    }
    Transfer done = new Transfer(t.referenceId(), t.externalId(), t.amount(), t.currency(), t.msisdn(), status,
        reason, status.equals("SUCCESSFUL") ? String.valueOf(100_000_000L + transfers.size()) : null,
        t.callbackUrl(), t.collection());
    transfers.put(ref, done);
    if (done.callbackUrl() == null || faults.lostCallbacks) {
      return;
    }
    callback(done, done.status());
    if (faults.duplicateCallbacks) {
      callback(done, done.status());
    }
    if (faults.outOfOrderCallbacks) {
      callback(done, "PENDING");
    }
  }

  private void callback(Transfer t, String status) {
    try {
      HttpRequest r = HttpRequest.newBuilder(URI.create(t.callbackUrl())).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(statusBody(t, status).toString())).build();
      http.send(r, HttpResponse.BodyHandlers.discarding());
      callbacksSent.incrementAndGet();
    } catch (IOException e) {
      LOG.fine("callback to " + t.callbackUrl() + " failed: " + e); // MoMo does not retry a callback either
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ObjectNode statusBody(Transfer t, String status) {
    ObjectNode o = JSON.createObjectNode().put("amount", t.amount().toPlainString()).put("currency", t.currency())
        .put("externalId", t.externalId()).put("status", status);
    if (t.financialTransactionId() != null) {
      o.put("financialTransactionId", t.financialTransactionId());
    }
    o.putObject(t.collection() ? "payer" : "payee").put("partyIdType", "MSISDN").put("partyId", t.msisdn());
    if (t.reason() != null && !status.equals("PENDING")) {
      o.putObject("reason").put("code", t.reason()).put("message", t.reason().replace('_', ' ').toLowerCase());
    }
    return o;
  }

  private void balance(HttpExchange ex) throws IOException {
    if (authorised(ex)) {
      answer(ex, 200, JSON.createObjectNode().put("availableBalance", String.valueOf(balance.get()))
          .put("currency", "RWF"));
    }
  }

  private void setFaults(HttpExchange ex) throws IOException {
    JsonNode f = JSON.readTree(ex.getRequestBody());
    faults.reset();
    faults.fail5xx.set(f.path("fail5xx").asInt(0));
    faults.delayMs = f.path("delayMs").asLong(0);
    faults.duplicateCallbacks = f.path("duplicateCallbacks").asBoolean(false);
    faults.outOfOrderCallbacks = f.path("outOfOrderCallbacks").asBoolean(false);
    faults.callbackBefore202 = f.path("callbackBefore202").asBoolean(false);
    faults.lostCallbacks = f.path("lostCallbacks").asBoolean(false);
    faults.settleMs = f.path("settleMs").asLong(50);
    f.path("unknownPayees").forEach(n -> faults.unknownPayees.add(n.asText()));
    answer(ex, 204, null);
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("code", code).put("message", message);
  }

  private static void answer(HttpExchange ex, int status, JsonNode body) throws IOException {
    org.mu1000.integrations.Sandboxes.answer(ex, status, body);
  }

  private static void sleep(long ms) {
    org.mu1000.integrations.Sandboxes.sleep(ms);
  }

  @Override
  public void close() {
    server.stop(0);
    settler.shutdownNow();
  }
}
