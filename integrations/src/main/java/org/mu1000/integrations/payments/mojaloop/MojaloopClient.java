package org.mu1000.integrations.payments.mojaloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.PaymentRail.Answer;
import org.mu1000.platform.finance.application.PaymentRail.Submission;
import org.mu1000.platform.finance.application.ProviderInbox;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.ProviderMessage;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * What one tenant's Mojaloop routes put on the wire (FSPIOP v1.1, the versioned content types and the FSPIOP headers)
 * and how a payout goes through the switch: look the farmer's number up (PUT /parties comes back with their FSP),
 * ask that FSP for a quote (PUT /quotes comes back with the ILP packet and condition), then send the transfer, whose
 * final state comes as PUT /transfers. The payout's id is the transfer's id, and the quote's id is derived from it,
 * so a payout handed over again after a restart is the same transfer to the switch.
 */
public final class MojaloopClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One FSPIOP request: the resource (for the content type), method, path, body, and the FSP it is for. */
  public record Ask(String resource, String method, String path, String body, String destination) {}

  /** Sends an ask through one of the tenant's routes; throws what the route could not get past. */
  public interface Sender {
    void send(String template, Ask ask);
  }

  private final Tenant tenant;
  private final ProviderConfig config;
  private final ProviderInbox inbox;
  private final Duration wait;

  private MojaloopClient(Tenant tenant, ProviderConfig config, ProviderInbox inbox, Duration wait) {
    this.tenant = tenant;
    this.config = config;
    this.inbox = inbox;
    this.wait = wait;
  }

  public static MojaloopClient of(Tenant tenant, ProviderConfig config, ProviderInbox inbox, Duration wait) {
    return new MojaloopClient(tenant, config, inbox, wait);
  }

  public String fspId() {
    return config.setting("fspId");
  }

  /** The route's bean: an ask as an FSPIOP HTTP request. */
  public void request(Exchange e) {
    Ask a = e.getMessage().getBody(Ask.class);
    Message m = e.getMessage();
    m.removeHeaders("*");
    String type = "application/vnd.interoperability." + a.resource() + "+json;version=1.1";
    m.setHeader("Accept", "application/vnd.interoperability." + a.resource() + "+json;version=1");
    m.setHeader(Exchange.CONTENT_TYPE, type);
    m.setHeader("Date", HTTP_DATE.format(Instant.now()));
    m.setHeader("FSPIOP-Source", fspId());
    if (a.destination() != null) {
      m.setHeader("FSPIOP-Destination", a.destination());
    }
    m.setHeader(Exchange.HTTP_METHOD, a.method());
    m.setHeader(Exchange.HTTP_PATH, a.path());
    m.setBody(a.body() == null ? null : a.body().getBytes(StandardCharsets.UTF_8));
  }

  /** The quote a payout asks its farmer's FSP for. */
  public static ObjectNode quote(Payout p, String quoteId, String payerFsp, String payeeFsp) {
    ObjectNode q = individualQuote(p, quoteId, payeeFsp);
    ObjectNode payer = q.putObject("payer");
    party(payer, "BUSINESS", p.cooperativeId(), payerFsp);
    payer.put("name", "Mu1000 cooperative payout");
    return q;
  }

  /** What a payout asks its farmer's FSP for, alone ({@link #quote}) or as one of a bulk quote's. */
  static ObjectNode individualQuote(Payout p, String quoteId, String payeeFsp) {
    ObjectNode q = JSON.createObjectNode().put("quoteId", quoteId).put("transactionId", id(p.id() + ":transaction"));
    party(q.putObject("payee"), "MSISDN", msisdn(p), payeeFsp);
    q.put("amountType", "SEND");
    q.putObject("amount").put("currency", p.currency()).put("amount", amount(p));
    q.putObject("transactionType").put("scenario", "TRANSFER").put("initiator", "PAYER")
        .put("initiatorType", "BUSINESS");
    q.put("note", "harvest payout " + p.batchId());
    return q;
  }

  /** A payout's quote id: the same each time the payout is sent. */
  static String quoteId(Payout p) {
    return id(p.id() + ":quote");
  }

  /** The transfer on a quote's terms. */
  public static ObjectNode transfer(Payout p, String payerFsp, String payeeFsp, JsonNode quote, Instant now) {
    ObjectNode t = JSON.createObjectNode().put("transferId", p.id()).put("payeeFsp", payeeFsp)
        .put("payerFsp", payerFsp);
    JsonNode amount = quote.path("transferAmount");
    t.putObject("amount").put("currency", amount.path("currency").asText(p.currency()))
        .put("amount", amount.path("amount").asText(amount(p)));
    t.put("ilpPacket", quote.path("ilpPacket").asText()).put("condition", quote.path("condition").asText());
    t.put("expiration", expiration(now));
    return t;
  }

  /** When a request the routes send expires: five minutes on. */
  static String expiration(Instant now) {
    return ISO_MILLIS.format(now.plus(5, ChronoUnit.MINUTES));
  }

  static void party(ObjectNode n, String type, String identifier, String fsp) {
    n.putObject("partyIdInfo").put("partyIdType", type).put("partyIdentifier", identifier).put("fspId", fsp);
  }

  static String msisdn(Payout p) {
    return p.msisdn().replace("+", "");
  }

  static String amount(Payout p) {
    return p.amount().stripTrailingZeros().toPlainString();
  }

  /** A stable UUID for one of a payout's FSPIOP ids. */
  static String id(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Lookup, quote, transfer; the answer is the switch's word on the transfer request. */
  public Answer submit(Payout p, Sender routes) {
    Instant since = Instant.now().minusMillis(5);
    String number = msisdn(p);
    askForParty(number, routes);
    Payee payee = payee(number, since);
    if (payee.failure() != null) {
      return payee.failure();
    }
    String quoteId = quoteId(p);
    routes.send(MojaloopRoutes.QUOTES, new Ask("quotes", "POST", "/quotes", quote(p, quoteId, fspId(), payee.fsp())
        .toString(), payee.fsp()));
    Optional<ProviderMessage> quote = inbox.await(tenant, "quotes:" + quoteId, since, wait);
    if (quote.isEmpty()) {
      return new Answer(Submission.UNKNOWN, "no answer to the quote within " + wait.toSeconds() + " s");
    }
    JsonNode quoteBody = read(quote.get());
    if (quote.get().error()) {
      return new Answer(Submission.REJECTED, "quote: " + error(quoteBody));
    }
    routes.send(MojaloopRoutes.TRANSFERS, new Ask("transfers", "POST", "/transfers", transfer(p, fspId(), payee.fsp(),
        quoteBody, Instant.now()).toString(), payee.fsp()));
    return new Answer(Submission.ACCEPTED, null);
  }

  /**
   * A batch's payouts in bulk ({@link MojaloopBulk}); a route that cannot be passed gives its payouts the answer
   * {@code failure} makes of what it threw.
   */
  public Map<String, Answer> submitAll(List<Payout> payouts, Sender routes, Function<RuntimeException, Answer> failure) {
    return new MojaloopBulk(this, routes, failure).submit(payouts);
  }

  /** Whether the tenant's batches go to the switch in bulk (setting {@code transfers}: bulk, the default, or single). */
  public boolean bulk() {
    return !"single".equals(config.setting("transfers"));
  }

  /** The FSP that holds a number, or the answer for the payouts to it when there is none. */
  record Payee(String fsp, Answer failure) {}

  /** GET /parties: the switch asks the number's FSP, whose PUT /parties comes back to the inbox. */
  void askForParty(String number, Sender routes) {
    routes.send(MojaloopRoutes.PARTIES, new Ask("parties", "GET", "/parties/MSISDN/" + number, null, null));
  }

  /** The answer to a lookup asked since {@code since}. */
  Payee payee(String number, Instant since) {
    Optional<ProviderMessage> party = inbox.await(tenant, "parties:MSISDN:" + number, since, wait);
    if (party.isEmpty()) {
      return new Payee(null, new Answer(Submission.UNKNOWN, "no answer to the party lookup within "
          + wait.toSeconds() + " s"));
    }
    JsonNode partyBody = read(party.get());
    if (party.get().error()) {
      return new Payee(null, new Answer(Submission.REJECTED, "party lookup: " + error(partyBody)));
    }
    String fsp = partyBody.path("party").path("partyIdInfo").path("fspId").asText(null);
    return fsp == null ? new Payee(null, new Answer(Submission.REJECTED, "party lookup named no FSP for " + number))
        : new Payee(fsp, null);
  }

  /** The answer under {@code key} received since {@code since}, waited for as long as any answer. */
  Optional<ProviderMessage> await(String key, Instant since) {
    return inbox.await(tenant, key, since, wait);
  }

  /** Keeps a note in the tenant's inbox (what a bulk transfer held, for its callbacks). */
  void keep(String key, String body) {
    inbox.put(tenant, key, body, false);
  }

  long waitSeconds() {
    return wait.toSeconds();
  }

  /** The switch's view of a transfer: GET /transfers/{id}, answered by PUT /transfers/{id}. */
  public Optional<PaymentRail.Status> status(Payout p, Sender routes) {
    Instant since = Instant.now().minusMillis(5);
    routes.send(MojaloopRoutes.TRANSFERS, new Ask("transfers", "GET", "/transfers/" + p.id(), null, null));
    Optional<ProviderMessage> m = inbox.await(tenant, "transfers:" + p.id(), since, wait);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    JsonNode n = read(m.get());
    if (m.get().error()) {
      String code = n.path("errorInformation").path("errorCode").asText();
      return Optional.of(new PaymentRail.Status(code.equals("3208") ? PaymentRail.Status.State.UNKNOWN_TO_PROVIDER
          : PaymentRail.Status.State.FAILED, null, error(n)));
    }
    PaymentRail.Status.State state = switch (n.path("transferState").asText()) {
      case "COMMITTED" -> PaymentRail.Status.State.PAID;
      case "ABORTED" -> PaymentRail.Status.State.FAILED;
      default -> PaymentRail.Status.State.PENDING;
    };
    return Optional.of(new PaymentRail.Status(state, p.id(), null));
  }

  static JsonNode read(ProviderMessage m) {
    try {
      return JSON.readTree(m.body());
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  public static String error(JsonNode n) {
    JsonNode e = n.path("errorInformation");
    return (e.path("errorCode").asText("") + " " + e.path("errorDescription").asText("")).trim();
  }
}
