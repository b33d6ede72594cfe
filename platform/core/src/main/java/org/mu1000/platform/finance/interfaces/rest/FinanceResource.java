package org.mu1000.platform.finance.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mu1000.api.MoneyApi;
import org.mu1000.api.model.MomoTransferStatus;
import org.mu1000.api.model.PaymentInput;
import org.mu1000.api.model.PaymentRequestInput;
import org.mu1000.api.model.PayoutBatchInput;
import org.mu1000.api.model.PayoutStatus;
import org.mu1000.api.model.ReconcileRequest;
import org.mu1000.platform.finance.application.FarmerTexts;
import org.mu1000.platform.finance.application.Ledger;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.PaymentService;
import org.mu1000.platform.finance.application.PayoutService;
import org.mu1000.platform.finance.application.ReconciliationService;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.PayoutBatch;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

@RequestScoped
public class FinanceResource implements MoneyApi {
  private Ledger ledger;
  private PaymentService payments;
  private PayoutService payouts;
  private Instance<PaymentRail> rails;
  private TenantRepository tenants;
  private TenantContext ctx;
  private ReconciliationService reconciliations;
  private Instance<FarmerTexts> texts;

  protected FinanceResource() {}

  @Inject
  public FinanceResource(Ledger ledger, PaymentService payments, PayoutService payouts, Instance<PaymentRail> rails,
      TenantRepository tenants, TenantContext ctx, ReconciliationService reconciliations,
      Instance<FarmerTexts> texts) {
    this.texts = texts;
    this.reconciliations = reconciliations;
    this.ledger = ledger;
    this.payments = payments;
    this.payouts = payouts;
    this.rails = rails;
    this.tenants = tenants;
    this.ctx = ctx;
  }

  private static int size(Integer size) {
    return size == null ? 50 : size;
  }

  private static int page(Integer page) {
    return page == null ? 0 : page;
  }

  @Override
  public Response recordPayment(String tenant, String id, PaymentInput in, String idempotencyKey) {
    var p = payments.record(ctx.tenant(), ctx.caller(), id, new PaymentService.PaymentInput(in.getAmount(),
        in.getCurrency(), in.getReference(), in.getPaidOn()));
    return Response.status(201).entity(FinanceMapper.payment(p)).build();
  }

  @Override
  public Response requestPayment(String tenant, String id, PaymentRequestInput in, String idempotencyKey) {
    var r = payments.requestPayment(ctx.tenant(), ctx.caller(), id, in.getAmount(), in.getCurrency(),
        in.getPayerMsisdn());
    return Response.status(201).entity(FinanceMapper.request(r)).build();
  }

  @Override
  public Response listPaymentRequests(String tenant, String id) {
    return Response.ok(payments.paymentRequests(ctx.tenant(), ctx.caller(), id).stream()
        .map(FinanceMapper::request).toList()).build();
  }

  @Override
  public Response listPayments(String tenant, String id) {
    return Response.ok(payments.payments(ctx.tenant(), ctx.caller(), id).stream().map(FinanceMapper::payment)
        .toList()).build();
  }

  @Override
  public Response getTrialBalance(String tenant) {
    return Response.ok(FinanceMapper.trialBalance(ledger.trialBalance(ctx.tenant(), ctx.caller()))).build();
  }

  @Override
  public Response getFarmerStatement(String tenant, String id, Integer page, Integer size) {
    return Response.ok(FinanceMapper.statement(ledger.statement(ctx.tenant(), ctx.caller(), id, page(page),
        size(size)))).build();
  }

  private Response batch(PayoutBatch b, int status) {
    return Response.status(status).entity(FinanceMapper.batch(b, payouts.progress(ctx.tenant(), b))
        .settled(payouts.settled(ctx.tenant(), b))).build();
  }

  @Override
  public Response preparePayoutBatch(String tenant, PayoutBatchInput in, String idempotencyKey) {
    PayoutBatch b = payouts.prepare(ctx.tenant(), ctx.caller(), in.getCooperativeId());
    return Response.created(java.net.URI.create("tenants/" + tenant + "/payout-batches/" + b.id()))
        .entity(FinanceMapper.batch(b, payouts.progress(ctx.tenant(), b))).build();
  }

  @Override
  public Response listPayoutBatches(String tenant, String cooperativeId, Integer page, Integer size) {
    return Response.ok(payouts.batches(ctx.tenant(), ctx.caller(), cooperativeId, page(page), size(size)).stream()
        .map(b -> FinanceMapper.batch(b, null)).toList()).build();
  }

  @Override
  public Response getPayoutBatch(String tenant, String id) {
    return batch(payouts.batch(ctx.tenant(), ctx.caller(), id), 200);
  }

  @Override
  public Response approvePayoutBatch(String tenant, String id, String idempotencyKey) {
    return batch(payouts.approve(ctx.tenant(), ctx.caller(), id), 200);
  }

  @Override
  public Response sendPayoutBatch(String tenant, String id, String idempotencyKey) {
    return batch(payouts.send(ctx.tenant(), ctx.caller(), id), 202);
  }

  @Override
  public Response cancelPayoutBatch(String tenant, String id, String idempotencyKey) {
    return batch(payouts.cancel(ctx.tenant(), ctx.caller(), id), 200);
  }

  @Override
  public Response listPayouts(String tenant, String id, PayoutStatus status, Integer page, Integer size) {
    Payout.Status s = status == null ? null : Payout.Status.valueOf(status.toString().toUpperCase());
    return Response.ok(payouts.payouts(ctx.tenant(), ctx.caller(), id, s, page(page), size(size)).stream()
        .map(FinanceMapper::payout).toList()).build();
  }

  @Override
  public Response getPayout(String tenant, String id) {
    return Response.ok(FinanceMapper.payout(payouts.payout(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response retryPayout(String tenant, String id, String idempotencyKey) {
    return Response.status(201).entity(FinanceMapper.payout(payouts.retry(ctx.tenant(), ctx.caller(), id))).build();
  }

  @Override
  public Response getProviderHealth(String tenant) {
    if (!ctx.caller().mayAdministerTenant()) {
      throw DomainException.forbidden("provider health is for the tenant's administrators");
    }
    List<PaymentRail.Health> health = new java.util.ArrayList<>(rails.isResolvable() ? rails.get().health(ctx.tenant())
        : List.of());
    if (texts.isResolvable()) {
      health.addAll(texts.get().health(ctx.tenant()));
    }
    return Response.ok(health.stream().map(FinanceMapper::route).toList()).build();
  }

  @Override
  public Response reconcile(String tenant, String idempotencyKey, ReconcileRequest in) {
    return Response.status(201).entity(FinanceMapper.reconciliation(reconciliations.run(ctx.tenant(), ctx.caller(),
        in == null ? null : in.getBatchId()))).build();
  }

  @Override
  public Response listReconciliations(String tenant, Integer page, Integer size) {
    return Response.ok(reconciliations.list(ctx.tenant(), ctx.caller(), page(page), size(size)).stream()
        .map(FinanceMapper::reconciliation).toList()).build();
  }

  @Override
  public Response momoCallback(String tenant, String id, String sig, MomoTransferStatus body) {
    Tenant t = ProviderCallbackResource.signed(tenants, tenant, "momo", id, sig);
    Boolean successful = ProviderCallbackResource.momoFinal(body);
    return successful == null ? Response.ok().build() : ProviderCallbackResource.applied(payouts.settle(t, id,
        successful, body.getFinancialTransactionId(), reason(body.getReason())), id);
  }

  @Override
  public Response momoCallbackPut(String tenant, String id, String sig, MomoTransferStatus body) {
    return momoCallback(tenant, id, sig, body);
  }

  /** MoMo gives a failure's reason as a code or as {code, message}. */
  static String reason(Object reason) {
    if (reason == null) {
      return null;
    }
    if (reason instanceof java.util.Map<?, ?> m) {
      Object code = m.get("code");
      Object message = m.get("message");
      return (code == null ? "" : code.toString()) + (message == null ? "" : ": " + message);
    }
    String s = reason.toString();
    return s.length() > 200 ? s.substring(0, 200) : s;
  }
}
