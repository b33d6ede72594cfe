package org.mu1000.platform.finance.interfaces.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.mu1000.api.ProviderCallbacksApi;
import org.mu1000.api.model.MomoTransferStatus;
import org.mu1000.platform.finance.application.CallbackSignatures;
import org.mu1000.platform.finance.application.PaymentService;
import org.mu1000.platform.finance.application.PayoutService;
import org.mu1000.platform.finance.application.ProviderInbox;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * A Mojaloop switch's callbacks (FSPIOP v1.1). The address registered at the switch carries the tenant's callback
 * secret, and the callback must be addressed to the tenant's own FSP id: anything else is refused before it is read.
 * Party lookups and quotes wait in the inbox for the route that asked; a transfer's final state settles its payout,
 * once, and a bulk transfer's results settle each of its payouts.
 */
@RequestScoped
public class ProviderCallbackResource implements ProviderCallbacksApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TenantRepository tenants;
  private ProviderInbox inbox;
  private PayoutService payouts;
  private PaymentService payments;

  protected ProviderCallbackResource() {}

  @Inject
  public ProviderCallbackResource(TenantRepository tenants, ProviderInbox inbox, PayoutService payouts,
      PaymentService payments) {
    this.payments = payments;
    this.tenants = tenants;
    this.inbox = inbox;
    this.payouts = payouts;
  }

  /** The tenant whose Mojaloop secret and FSP id the callback carries. */
  private Tenant authenticated(String tenant, String token, String destination) {
    Tenant t = tenants.find(tenant).orElseThrow(() -> new DomainException(Kind.UNAUTHENTICATED,
        "the callback's address is not one Mu1000 gave"));
    ProviderConfig p = t.config().provider(ProviderConfig.PAYMENTS).filter(x -> x.provider().equals("mojaloop"))
        .orElse(null);
    String secret = p == null ? null : p.secret("callbackToken");
    if (secret == null || token == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8))) {
      throw new DomainException(Kind.UNAUTHENTICATED, "the callback's address is not one Mu1000 gave");
    }
    if (destination != null && !destination.equals(p.setting("fspId"))) {
      throw new DomainException(Kind.UNAUTHENTICATED, "the callback is for FSP " + destination + ", not this one");
    }
    TenantService.checkOpen(t);
    return t;
  }

  private static String text(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw DomainException.invalid("body", "is not JSON");
    }
  }

  @Override
  public Response mojaloopParty(String tenant, String token, String type, String id, Object body, String source,
      String destination) {
    inbox.put(authenticated(tenant, token, destination), "parties:" + type + ":" + id, text(body), false);
    return Response.ok().build();
  }

  @Override
  public Response mojaloopPartyError(String tenant, String token, String type, String id, Object body, String source,
      String destination) {
    inbox.put(authenticated(tenant, token, destination), "parties:" + type + ":" + id, text(body), true);
    return Response.ok().build();
  }

  @Override
  public Response mojaloopCallback(String tenant, String token, String resource, String id, Object body,
      String source, String destination) {
    Tenant t = authenticated(tenant, token, destination);
    String json = text(body);
    inbox.put(t, resource + ":" + id, json, false);
    if ("bulkTransfers".equals(resource)) {
      return bulkSettled(t, id, JSON.valueToTree(body));
    }
    if (!"transfers".equals(resource)) {
      return Response.ok().build();
    }
    JsonNode n = JSON.valueToTree(body);
    String state = n.path("transferState").asText();
    if (!state.equals("COMMITTED") && !state.equals("ABORTED")) {
      return Response.ok().build(); // RECEIVED or RESERVED: not final yet
    }
    return applied(payouts.settle(t, id, state.equals("COMMITTED"), id, state.equals("ABORTED")
        ? "aborted by the switch" : null), id);
  }

  @Override
  public Response mojaloopError(String tenant, String token, String resource, String id, Object body, String source,
      String destination) {
    Tenant t = authenticated(tenant, token, destination);
    inbox.put(t, resource + ":" + id, text(body), true);
    String reason = fspiopError(JSON.valueToTree(body));
    if ("bulkTransfers".equals(resource)) {
      return bulkFailed(t, id, reason.isEmpty() ? "the switch reported an error on the bulk transfer" : reason);
    }
    if (!"transfers".equals(resource)) {
      return Response.ok().build();
    }
    return applied(payouts.settle(t, id, false, null, reason.isEmpty() ? "the switch reported an error" : reason), id);
  }

  /**
   * A bulk transfer's results: an individual transfer with its fulfilment is paid, one with an error failed. A bulk
   * transfer rejected as a whole fails every payout it carried.
   */
  private Response bulkSettled(Tenant t, String bulkId, JsonNode n) {
    JsonNode results = n.path("individualTransferResults");
    if (results.isEmpty()) {
      return n.path("bulkTransferState").asText().equals("REJECTED")
          ? bulkFailed(t, bulkId, "the bulk transfer was rejected") : Response.ok().build(); // not final yet
    }
    List<PayoutService.Applied> applied = new ArrayList<>();
    for (JsonNode r : results) {
      String id = r.path("transferId").asText();
      if (r.hasNonNull("fulfilment")) {
        applied.add(payouts.settle(t, id, true, id, null));
      } else if (r.has("errorInformation")) {
        applied.add(payouts.settle(t, id, false, null, fspiopError(r)));
      }
    }
    return bulkApplied(applied, bulkId);
  }

  /** An FSPIOP {@code errorInformation} as "code description". */
  private static String fspiopError(JsonNode withErrorInformation) {
    JsonNode e = withErrorInformation.path("errorInformation");
    return (e.path("errorCode").asText("") + " " + e.path("errorDescription").asText("")).trim();
  }

  /** Every payout a bulk transfer carried (as noted when it was sent) failed, with the switch's reason. */
  private Response bulkFailed(Tenant t, String bulkId, String reason) {
    JsonNode ids = inbox.find(t, "bulkTransfers:sent:" + bulkId).map(m -> {
      try {
        return JSON.readTree(m.body());
      } catch (JsonProcessingException e) {
        return JSON.createArrayNode();
      }
    }).orElseThrow(() -> DomainException.notFound("bulk transfer", bulkId));
    List<PayoutService.Applied> applied = new ArrayList<>();
    ids.forEach(id -> applied.add(payouts.settle(t, id.asText(), false, null, reason)));
    return bulkApplied(applied, bulkId);
  }

  /** 200 when the callback settled any payout; 404 when it named none we know; 409 when all were final already. */
  private static Response bulkApplied(List<PayoutService.Applied> applied, String bulkId) {
    if (applied.isEmpty() || applied.contains(PayoutService.Applied.APPLIED)) {
      return Response.ok().build();
    }
    if (applied.stream().allMatch(a -> a == PayoutService.Applied.UNKNOWN)) {
      throw DomainException.notFound("bulk transfer", bulkId);
    }
    throw new DomainException(Kind.CONFLICT, "bulk transfer " + bulkId + " is final already; the callback is not "
        + "applied again");
  }

  /**
   * Daraja B2C's result (ResultCode 0: paid; anything else: failed with its description) or queue time-out (the
   * request expired unprocessed: failed, may be tried again), on the address signed for the payout.
   */
  @Override
  public Response mpesaResult(String tenant, String id, String outcome, String sig, Object body) {
    Tenant t = signed(tenants, tenant, "mpesa", id, sig);
    JsonNode r = JSON.valueToTree(body).path("Result");
    String conversation = r.path("OriginatorConversationID").asText(null);
    if (conversation != null && !conversation.equals(id)) {
      throw DomainException.invalid("Result.OriginatorConversationID", "is not the payout this address is for");
    }
    if ("timeout".equals(outcome)) {
      return applied(payouts.settle(t, id, false, null, "timed out in M-Pesa's queue; not paid"), id);
    }
    if ("status".equals(outcome)) {
      return status(t, id, r);
    }
    if (!r.has("ResultCode")) {
      throw DomainException.invalid("Result.ResultCode", "is required");
    }
    boolean paid = r.path("ResultCode").asInt(-1) == 0;
    return applied(payouts.settle(t, id, paid, paid ? r.path("TransactionID").asText(null) : null, paid ? null
        : r.path("ResultCode").asText() + " " + r.path("ResultDesc").asText("")), id);
  }

  /** MoMo's word on a request to pay, on the address signed for it: SUCCESSFUL records the buyer's payment. */
  @Override
  public Response momoCollectionCallback(String tenant, String id, String sig, MomoTransferStatus body) {
    Tenant t = signed(tenants, tenant, "momo", id, sig);
    Boolean successful = momoFinal(body);
    return successful == null ? Response.ok().build() : applied(payments.collected(t, id, successful,
        body.getFinancialTransactionId(), FinanceResource.reason(body.getReason())), id);
  }

  /** The open tenant whose {@code provider} callback secret signed this payout's or request's address, or 401. */
  static Tenant signed(TenantRepository tenants, String tenant, String provider, String id, String sig) {
    Tenant t = tenants.find(tenant).orElseThrow(() -> new DomainException(Kind.UNAUTHENTICATED,
        "the callback's signature does not match"));
    String secret = t.config().provider(ProviderConfig.PAYMENTS).filter(p -> p.provider().equals(provider))
        .map(p -> p.secret("callbackToken")).orElse(null);
    if (!CallbackSignatures.verify(secret, tenant, id, sig)) {
      throw new DomainException(Kind.UNAUTHENTICATED, "the callback's signature does not match");
    }
    TenantService.checkOpen(t);
    return t;
  }

  /** A MoMo status: true for SUCCESSFUL, false for FAILED, null for PENDING (not final yet); anything else 400. */
  static Boolean momoFinal(MomoTransferStatus body) {
    String status = body == null || body.getStatus() == null ? "" : body.getStatus();
    if (status.equals("PENDING")) {
      return null;
    }
    if (!status.equals("SUCCESSFUL") && !status.equals("FAILED")) {
      throw DomainException.invalid("status", "must be SUCCESSFUL, FAILED or PENDING");
    }
    return status.equals("SUCCESSFUL");
  }

  /** A Transaction Status answer: Completed is paid, Failed failed; no such transaction is left to reconciliation. */
  private Response status(Tenant t, String id, JsonNode r) {
    if (r.path("ResultCode").asInt(-1) != 0) {
      return Response.ok().build(); // the query found nothing: the payout stays as it is, reconciliation lists it
    }
    String state = "";
    String receipt = null;
    String why = null;
    for (JsonNode p : r.path("ResultParameters").path("ResultParameter")) {
      switch (p.path("Key").asText()) {
        case "TransactionStatus" -> state = p.path("Value").asText();
        case "ReceiptNo" -> receipt = p.path("Value").asText(null);
        case "ReasonType" -> why = p.path("Value").asText(null);
        default -> { }
      }
    }
    if (!state.equals("Completed") && !state.equals("Failed")) {
      return Response.ok().build(); // still being processed
    }
    PayoutService.Applied applied = payouts.settle(t, id, state.equals("Completed"), receipt, state.equals("Failed")
        ? why : null);
    return applied == PayoutService.Applied.CONFLICTING ? applied(applied, id) : Response.ok().build();
  }

  static Response applied(PayoutService.Applied applied, String id) {
    return switch (applied) {
      case APPLIED -> Response.ok().build();
      case UNKNOWN -> throw DomainException.notFound("transfer", id);
      default -> throw new DomainException(Kind.CONFLICT, "transfer " + id + " is final already; the callback is "
          + "not applied again");
    };
  }
}
