package org.mu1000.integrations.sms.africastalking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A stand-in for Africa's Talking's SMS API ({@code POST /version1/messaging}) for the local run and the tests: a
 * real HTTP server that checks the API key and username, answers in the provider's format, and can fail the next
 * requests with 500 or refuse numbers as invalid. {@link #received} lists what reached each phone.
 */
public final class AfricasTalkingSandbox implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AfricasTalkingSandbox.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message as the gateway took it. */
  public record Received(String to, String text, String messageId) {}

  /** The next N requests answer 500. */
  public final AtomicInteger fail5xx = new AtomicInteger();
  /** Numbers the gateway refuses (403 InvalidPhoneNumber). */
  public final Set<String> invalidNumbers = ConcurrentHashMap.newKeySet();
  private final HttpServer server;
  private final String username;
  private final String apiKey;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  public AfricasTalkingSandbox(int port, String username, String apiKey) {
    this.username = username;
    this.apiKey = apiKey;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "sms-sandbox");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/version1/messaging", this::messaging);
    server.start();
  }

  /** The local run's sandbox: {@code java ... AfricasTalkingSandbox PORT USERNAME API_KEY}. */
  public static void main(String[] args) throws InterruptedException {
    AfricasTalkingSandbox s = new AfricasTalkingSandbox(Integer.parseInt(args[0]), args[1], args[2]);
    LOG.info("Africa's Talking SMS sandbox on " + s.baseUrl());
    Thread.currentThread().join();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Received> received(String to) {
    return received.stream().filter(r -> r.to().equals(to)).toList();
  }

  private void messaging(HttpExchange ex) throws IOException {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!"POST".equals(ex.getRequestMethod()) || !apiKey.equals(ex.getRequestHeaders().getFirst("apiKey"))
        || !username.equals(form.get("username"))) {
      answer(ex, 401, "The supplied authentication is invalid");
      return;
    }
    if (fail5xx.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer(ex, 500, "Internal server error");
      return;
    }
    String text = form.getOrDefault("message", "");
    ObjectNode data = JSON.createObjectNode();
    ArrayNode recipients = data.putObject("SMSMessageData").putArray("Recipients");
    int sent = 0;
    for (String to : form.getOrDefault("to", "").split(",")) {
      ObjectNode r = recipients.addObject().put("number", to);
      if (!to.matches("\\+?[0-9]{8,15}") || invalidNumbers.contains(to)) {
        r.put("statusCode", 403).put("status", "InvalidPhoneNumber").put("cost", "0").put("messageId", "None");
      } else {
        String id = "ATXid_" + ids.incrementAndGet();
        received.add(new Received(to, text, id));
        r.put("statusCode", 101).put("status", "Success").put("cost", "RWF 15.0000").put("messageId", id);
        sent++;
      }
    }
    ((ObjectNode) data.path("SMSMessageData")).put("Message", "Sent to " + sent + "/" + recipients.size());
    byte[] body = data.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(201, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  private static void answer(HttpExchange ex, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
