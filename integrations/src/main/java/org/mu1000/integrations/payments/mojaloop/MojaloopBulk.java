package org.mu1000.integrations.payments.mojaloop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mu1000.integrations.payments.mojaloop.MojaloopClient.Ask;
import org.mu1000.integrations.payments.mojaloop.MojaloopClient.Payee;
import org.mu1000.integrations.payments.mojaloop.MojaloopClient.Sender;
import org.mu1000.platform.finance.application.PaymentRail.Answer;
import org.mu1000.platform.finance.application.PaymentRail.Submission;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.ProviderMessage;

/**
 * A batch's payouts through a Mojaloop switch in bulk (FSPIOP v1.1). Every farmer's number is looked up (the API has
 * no bulk lookup; the lookups are all asked before any answer is awaited), the payouts are grouped by the FSP that
 * holds their number, and each group of at most 1,000 (the API's limit) is one bulk quote, whose PUT /bulkQuotes
 * gives each individual quote its terms or the payee FSP's refusal, and one bulk transfer of the quotes that got
 * terms, whose PUT /bulkTransfers settles each payout. The bulk ids are derived from the payouts in the group, so a
 * group sent again after a restart is the same bulk to the switch, and each individual transfer keeps its payout's
 * id, as a single transfer does.
 */
final class MojaloopBulk {
  /** The most individual quotes or transfers one bulk request may carry. */
  static final int MAX = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MojaloopClient client;
  private final Sender routes;
  private final Function<RuntimeException, Answer> failure;
  private final Map<String, Answer> answers = new LinkedHashMap<>();

  MojaloopBulk(MojaloopClient client, Sender routes, Function<RuntimeException, Answer> failure) {
    this.client = client;
    this.routes = routes;
    this.failure = failure;
  }

  Map<String, Answer> submit(List<Payout> payouts) {
    Instant since = Instant.now().minusMillis(5);
    Map<String, List<Payout>> byNumber = payouts.stream().collect(Collectors.groupingBy(MojaloopClient::msisdn,
        LinkedHashMap::new, Collectors.toList()));
    Map<String, List<Payout>> asked = new LinkedHashMap<>();
    byNumber.forEach((number, ps) -> {
      try {
        client.askForParty(number, routes);
        asked.put(number, ps);
      } catch (RuntimeException e) {
        answer(ps, failure.apply(e));
      }
    });
    Map<String, List<Payout>> byFsp = new TreeMap<>();
    asked.forEach((number, ps) -> {
      Payee payee = client.payee(number, since);
      if (payee.failure() != null) {
        answer(ps, payee.failure());
      } else {
        byFsp.computeIfAbsent(payee.fsp(), f -> new ArrayList<>()).addAll(ps);
      }
    });
    byFsp.forEach((fsp, ps) -> {
      ps.sort(Comparator.comparing(Payout::id));
      for (int from = 0; from < ps.size(); from += MAX) {
        quoteAndTransfer(ps.subList(from, Math.min(ps.size(), from + MAX)), fsp);
      }
    });
    return answers;
  }

  private void answer(List<Payout> ps, Answer a) {
    ps.forEach(p -> answers.put(p.id(), a));
  }

  /** One bulk quote and one bulk transfer for a group of payouts to one payee FSP. */
  private void quoteAndTransfer(List<Payout> group, String payeeFsp) {
    String seed = group.stream().map(Payout::id).collect(Collectors.joining(","));
    String bulkQuoteId = MojaloopClient.id("bulk-quote:" + seed);
    String bulkTransferId = MojaloopClient.id("bulk-transfer:" + seed);
    Instant since = Instant.now().minusMillis(5);
    try {
      routes.send(MojaloopRoutes.BULK_QUOTES, new Ask("bulkQuotes", "POST", "/bulkQuotes", bulkQuote(bulkQuoteId,
          group, client.fspId(), payeeFsp, Instant.now()).toString(), payeeFsp));
    } catch (RuntimeException e) {
      answer(group, failure.apply(e));
      return;
    }
    Optional<ProviderMessage> quoted = client.await("bulkQuotes:" + bulkQuoteId, since);
    if (quoted.isEmpty()) {
      answer(group, new Answer(Submission.UNKNOWN, "no answer to the bulk quote within " + client.waitSeconds()
          + " s"));
      return;
    }
    JsonNode body = MojaloopClient.read(quoted.get());
    if (quoted.get().error()) {
      answer(group, new Answer(Submission.REJECTED, "bulk quote: " + MojaloopClient.error(body)));
      return;
    }
    Map<String, JsonNode> results = new HashMap<>();
    body.path("individualQuoteResults").forEach(r -> results.put(r.path("quoteId").asText(), r));
    Map<Payout, JsonNode> terms = new LinkedHashMap<>();
    for (Payout p : group) {
      JsonNode r = results.get(MojaloopClient.quoteId(p));
      if (r == null) {
        answers.put(p.id(), new Answer(Submission.REJECTED, "the bulk quote gave no terms for this transfer"));
      } else if (r.has("errorInformation")) {
        answers.put(p.id(), new Answer(Submission.REJECTED, "quote: " + MojaloopClient.error(r)));
      } else {
        terms.put(p, r);
      }
    }
    if (terms.isEmpty()) {
      return;
    }
    List<Payout> sent = new ArrayList<>(terms.keySet());
    ArrayNode ids = JSON.createArrayNode();
    sent.forEach(p -> ids.add(p.id()));
    client.keep("bulkTransfers:sent:" + bulkTransferId, ids.toString());
    try {
      routes.send(MojaloopRoutes.BULK_TRANSFERS, new Ask("bulkTransfers", "POST", "/bulkTransfers",
          bulkTransfer(bulkTransferId, bulkQuoteId, terms, client.fspId(), payeeFsp, Instant.now()).toString(),
          payeeFsp));
      answer(sent, new Answer(Submission.ACCEPTED, null));
    } catch (RuntimeException e) {
      answer(sent, failure.apply(e));
    }
  }

  /** POST /bulkQuotes: the group's payouts, each an individual quote, paid by their cooperative. */
  static ObjectNode bulkQuote(String bulkQuoteId, List<Payout> group, String payerFsp, String payeeFsp,
      Instant now) {
    ObjectNode q = JSON.createObjectNode().put("bulkQuoteId", bulkQuoteId);
    ObjectNode payer = q.putObject("payer");
    MojaloopClient.party(payer, "BUSINESS", group.get(0).cooperativeId(), payerFsp);
    payer.put("name", "Mu1000 cooperative payout");
    q.put("expiration", MojaloopClient.expiration(now));
    ArrayNode quotes = q.putArray("individualQuotes");
    group.forEach(p -> quotes.add(MojaloopClient.individualQuote(p, MojaloopClient.quoteId(p), payeeFsp)));
    return q;
  }

  /** POST /bulkTransfers: each payout that got terms, as the transfer of its own id on those terms. */
  static ObjectNode bulkTransfer(String bulkTransferId, String bulkQuoteId, Map<Payout, JsonNode> terms,
      String payerFsp, String payeeFsp, Instant now) {
    ObjectNode t = JSON.createObjectNode().put("bulkTransferId", bulkTransferId).put("bulkQuoteId", bulkQuoteId)
        .put("payerFsp", payerFsp).put("payeeFsp", payeeFsp);
    ArrayNode transfers = t.putArray("individualTransfers");
    terms.forEach((p, r) -> {
      JsonNode amount = r.path("transferAmount");
      ObjectNode i = transfers.addObject().put("transferId", p.id());
      i.putObject("transferAmount").put("currency", amount.path("currency").asText(p.currency()))
          .put("amount", amount.path("amount").asText(MojaloopClient.amount(p)));
      i.put("ilpPacket", r.path("ilpPacket").asText()).put("condition", r.path("condition").asText());
    });
    t.put("expiration", MojaloopClient.expiration(now));
    return t;
  }
}
