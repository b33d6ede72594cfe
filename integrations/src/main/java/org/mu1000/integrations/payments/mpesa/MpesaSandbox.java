package org.mu1000.integrations.payments.mpesa;

import static org.mu1000.integrations.Sandboxes.answer;
import static org.mu1000.integrations.Sandboxes.sleep;

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

/**
 * A stand-in for Safaricom's M-Pesa Daraja API (OAuth, B2C payment request with its asynchronous result) for the
 * local run and the tests: a real HTTP server speaking Daraja's documented format, with switches for slow answers,
 * 5xx bursts, duplicate and lost results, queue time-outs and rejected payees or funds. A payment request is kept
 * under its OriginatorConversationID, so one sent again is answered with the same conversation and never paid twice.
 */
public final class MpesaSandbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MpesaSandbox.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A B2C payment as Safaricom holds it; {@code resultCode} null while it is being processed. */
  public record Payment(String originatorConversationId, String conversationId, BigDecimal amount, String msisdn,
      Integer resultCode, String resultDesc, String transactionId, String resultUrl, String timeoutUrl) {}

  /** Fault switches; change them at any time (from a test, or POST /_sandbox/faults in the local run). */
  public static final class Faults {
    public final AtomicInteger fail5xx = new AtomicInteger();
    public volatile long delayMs;
    public volatile boolean duplicateResults;
    public volatile boolean lostResults;
    /** The request expires in the queue: the time-out URL is called, nothing is paid. */
    public volatile boolean queueTimeouts;
    public volatile long settleMs = 50;
    public final Set<String> unknownPayees = ConcurrentHashMap.newKeySet();

    public void reset() {
      fail5xx.set(0);
      delayMs = 0;
      duplicateResults = false;
      lostResults = false;
      queueTimeouts = false;
      settleMs = 50;
      unknownPayees.clear();
    }
  }

  public final Faults faults = new Faults();
  private final HttpServer server;
  private final String consumerKey;
  private final String consumerSecret;
  private final String securityCredential;
  private final Map<String, Payment> payments = new ConcurrentHashMap<>();
  private final Set<String> tokens = ConcurrentHashMap.newKeySet();
  private final AtomicLong balance;
  private final AtomicInteger requests = new AtomicInteger();
  private final ScheduledExecutorService settler = Executors.newScheduledThreadPool(8, r -> {
    Thread t = new Thread(r, "mpesa-sandbox-settler");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public MpesaSandbox(int port, String consumerKey, String consumerSecret, String securityCredential, long balance) {
    this.consumerKey = consumerKey;
    this.consumerSecret = consumerSecret;
    this.securityCredential = securityCredential;
    this.balance = new AtomicLong(balance);
    server = org.mu1000.integrations.Sandboxes.server(port, "mpesa-sandbox");
    server.createContext("/oauth/v1/generate", this::token);
    server.createContext("/mpesa/b2c/v3/paymentrequest", this::payment);
    server.createContext("/mpesa/transactionstatus/v1/query", this::status);
    server.createContext("/_sandbox/faults", this::setFaults);
    server.start();
  }

  /** The local run's sandbox: {@code java ... MpesaSandbox PORT CONSUMER_KEY CONSUMER_SECRET SECURITY_CREDENTIAL}. */
  public static void main(String[] args) throws InterruptedException {
    MpesaSandbox s = new MpesaSandbox(Integer.parseInt(args[0]), args[1], args[2], args[3], 1_000_000_000_000L);
    LOG.info("M-Pesa sandbox on " + s.baseUrl());
    Thread.currentThread().join();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int requests() {
    return requests.get();
  }

  /** Payments completed for a payout (our OriginatorConversationID): more than one would be a double payout. */
  public long paidFor(String originatorConversationId) {
    Payment p = payments.get(originatorConversationId);
    return p != null && Integer.valueOf(0).equals(p.resultCode()) ? 1 : 0;
  }

  public BigDecimal paidTo(String msisdn) {
    return payments.values().stream().filter(p -> p.msisdn().equals(msisdn) && Integer.valueOf(0)
        .equals(p.resultCode())).map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private void token(HttpExchange ex) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString((consumerKey + ":" + consumerSecret)
        .getBytes(StandardCharsets.UTF_8));
    if (!"GET".equals(ex.getRequestMethod()) || !expected.equals(ex.getRequestHeaders().getFirst("Authorization"))
        || !String.valueOf(ex.getRequestURI().getQuery()).contains("grant_type=client_credentials")) {
      answer(ex, 400, error("400.008.01", "Invalid Authentication passed"));
      return;
    }
    String token = UUID.randomUUID().toString().replace("-", "");
    tokens.add(token);
    answer(ex, 200, JSON.createObjectNode().put("access_token", token).put("expires_in", "3599"));
  }

  private void payment(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      answer(ex, 401, error("404.001.03", "Invalid Access Token"));
      return;
    }
    requests.incrementAndGet();
    JsonNode b;
    try {
      b = JSON.readTree(ex.getRequestBody());
    } catch (IOException e) {
      answer(ex, 400, error("400.002.02", "Bad Request - Invalid JSON"));
      return;
    }
    if (faults.fail5xx.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(ex, 500, error("500.003.02", "System is busy. Please try again in few minutes."));
      return;
    }
    String id = b.path("OriginatorConversationID").asText("");
    String msisdn = b.path("PartyB").asText("");
    String amount = b.path("Amount").asText("");
    if (id.isEmpty() || !msisdn.matches("[0-9]{9,13}") || !amount.matches("[0-9]+(\\.[0-9]{1,2})?")
        || !"BusinessPayment".equals(b.path("CommandID").asText()) || b.path("PartyA").asText().isEmpty()
        || !b.path("ResultURL").asText().startsWith("http") || !b.path("QueueTimeOutURL").asText().startsWith("http")) {
      answer(ex, 400, error("400.002.02", "Bad Request - Invalid " + (msisdn.matches("[0-9]{9,13}") ? "request"
          : "PartyB")));
      return;
    }
    if (!securityCredential.equals(b.path("SecurityCredential").asText())) {
      answer(ex, 400, error("400.002.02", "Bad Request - Invalid SecurityCredential"));
      return;
    }
    Payment fresh = new Payment(id, "AG_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
        new BigDecimal(amount), msisdn, null, null, null, b.path("ResultURL").asText(),
        b.path("QueueTimeOutURL").asText());
    Payment held = payments.putIfAbsent(id, fresh);
    Payment p = held == null ? fresh : held; // the same request again: the same conversation, nothing paid twice
    if (held == null) {
      settler.schedule(() -> settle(id), faults.settleMs, TimeUnit.MILLISECONDS);
    }
    if (faults.delayMs > 0) {
      sleep(faults.delayMs);
    }
    answer(ex, 200, JSON.createObjectNode().put("ConversationID", p.conversationId())
        .put("OriginatorConversationID", id).put("ResponseCode", "0")
        .put("ResponseDescription", "Accept the service request successfully."));
  }

  /**
   * The Transaction Status query: accepted at once, answered by a POST to its ResultURL whose ResultParameters say
   * what became of the payment (TransactionStatus Completed or Failed), or ResultCode 2032 when there is none.
   */
  private void status(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith("Bearer ") || !tokens.contains(auth.substring(7))) {
      answer(ex, 401, error("404.001.03", "Invalid Access Token"));
      return;
    }
    JsonNode b = JSON.readTree(ex.getRequestBody());
    if (!"TransactionStatusQuery".equals(b.path("CommandID").asText()) || !b.path("ResultURL").asText()
        .startsWith("http") || !securityCredential.equals(b.path("SecurityCredential").asText())) {
      answer(ex, 400, error("400.002.02", "Bad Request - Invalid request"));
      return;
    }
    String asked = b.path("OriginalConversationID").asText("");
    String resultUrl = b.path("ResultURL").asText();
    settler.schedule(() -> {
      Payment p = payments.get(asked);
      ObjectNode root = JSON.createObjectNode();
      ObjectNode r = root.putObject("Result").put("ResultType", 0).put("OriginatorConversationID", asked);
      if (p == null || p.resultCode() == null) {
        r.put("ResultCode", 2032).put("ResultDesc", "Request not found.");
      } else {
        r.put("ResultCode", 0).put("ResultDesc", "The service request is processed successfully.")
            .put("ConversationID", p.conversationId()).put("TransactionID", p.transactionId() == null ? ""
                : p.transactionId());
        var params = r.putObject("ResultParameters").putArray("ResultParameter");
        params.addObject().put("Key", "TransactionStatus").put("Value", p.resultCode() == 0 ? "Completed" : "Failed");
        params.addObject().put("Key", "ReceiptNo").put("Value", p.transactionId() == null ? "" : p.transactionId());
        params.addObject().put("Key", "ReasonType").put("Value", p.resultDesc());
      }
      post(resultUrl, root);
    }, 20, TimeUnit.MILLISECONDS);
    answer(ex, 200, JSON.createObjectNode().put("OriginatorConversationID", UUID.randomUUID().toString())
        .put("ConversationID", "AG_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20))
        .put("ResponseCode", "0").put("ResponseDescription", "Accept the service request successfully."));
  }

  private void settle(String id) {
    Payment p = payments.get(id);
    if (p == null || p.resultCode() != null) {
      return;
    }
    if (faults.queueTimeouts) {
      payments.put(id, new Payment(id, p.conversationId(), p.amount(), p.msisdn(), -1, "Request timed out in queue",
          null, p.resultUrl(), p.timeoutUrl()));
      post(p.timeoutUrl(), result(payments.get(id)));
      return;
    }
    int code = 0;
    String desc = "The service request is processed successfully.";
    long whole = p.amount().longValue();
    if (faults.unknownPayees.contains(p.msisdn())) {
      code = 2040;
      desc = "Credit Party customer type (Unregistered or Registered Customer) can't be supported by the service.";
    } else if (balance.getAndUpdate(x -> x >= whole ? x - whole : x) < whole) {
      code = 1;
      desc = "The balance is insufficient for the transaction.";
    }
    Payment done = new Payment(id, p.conversationId(), p.amount(), p.msisdn(), code, desc, code == 0
        ? "SB" + Long.toString(System.nanoTime(), 36).toUpperCase() : null, p.resultUrl(), p.timeoutUrl());
    payments.put(id, done);
    if (faults.lostResults) {
      return;
    }
    post(done.resultUrl(), result(done));
    if (faults.duplicateResults) {
      post(done.resultUrl(), result(done));
    }
  }

  private static ObjectNode result(Payment p) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode r = root.putObject("Result").put("ResultType", 0).put("ResultCode", p.resultCode())
        .put("ResultDesc", p.resultDesc()).put("OriginatorConversationID", p.originatorConversationId())
        .put("ConversationID", p.conversationId()).put("TransactionID", p.transactionId() == null ? "" : p.transactionId());
    if (p.resultCode() == 0) {
      var params = r.putObject("ResultParameters").putArray("ResultParameter");
      params.addObject().put("Key", "TransactionAmount").put("Value", p.amount());
      params.addObject().put("Key", "TransactionReceipt").put("Value", p.transactionId());
      params.addObject().put("Key", "ReceiverPartyPublicName").put("Value", p.msisdn() + " - Farmer");
    }
    return root;
  }

  private void post(String url, JsonNode body) {
    try {
      http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      LOG.fine("result to " + url + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void setFaults(HttpExchange ex) throws IOException {
    JsonNode f = JSON.readTree(ex.getRequestBody());
    faults.reset();
    faults.fail5xx.set(f.path("fail5xx").asInt(0));
    faults.delayMs = f.path("delayMs").asLong(0);
    faults.duplicateResults = f.path("duplicateResults").asBoolean(false);
    faults.lostResults = f.path("lostResults").asBoolean(false);
    faults.queueTimeouts = f.path("queueTimeouts").asBoolean(false);
    faults.settleMs = f.path("settleMs").asLong(50);
    f.path("unknownPayees").forEach(n -> faults.unknownPayees.add(n.asText()));
    answer(ex, 204, null);
  }

  private static ObjectNode error(String code, String message) {
    return JSON.createObjectNode().put("requestId", UUID.randomUUID().toString()).put("errorCode", code)
        .put("errorMessage", message);
  }

  @Override
  public void close() {
    server.stop(0);
    settler.shutdownNow();
  }
}
