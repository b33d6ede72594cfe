package org.mu1000.integrations.payments;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.mu1000.platform.finance.application.FarmerTexts;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.PayoutService;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * Hands payouts to their tenant's provider, several at a time: each is booked as in flight, sent, and marked
 * accepted or failed by the provider's answer; one without an answer waits for the status sweep. A tenant whose
 * provider takes transfers in bulk has its payouts gathered first: up to 1,000 of them, or what came within a second.
 */
@Dependent
public class PayoutRoutes extends RouteBuilder {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(
      PayoutRoutes.class.getName());
  public static final String QUEUE = "seda:payments.payouts?concurrentConsumers=8&size=200000";
  public static final String BULK_QUEUE = "seda:payments.payouts.bulk?concurrentConsumers=2&size=200000";
  public static final String SMS_QUEUE = "seda:sms.payouts?concurrentConsumers=4&size=200000";

  /** One payout of one tenant due to be handed over. */
  public record Due(String tenantId, String payoutId) {}

  private PayoutService payouts;
  private PaymentRail rails;
  private TenantRepository tenants;
  private PayoutDispatcher dispatcher;
  private FarmerTexts texts;

  protected PayoutRoutes() {}

  @Inject
  public PayoutRoutes(PayoutService payouts, PaymentRail rails, TenantRepository tenants,
      PayoutDispatcher dispatcher, FarmerTexts texts) {
    this.texts = texts;
    this.payouts = payouts;
    this.rails = rails;
    this.tenants = tenants;
    this.dispatcher = dispatcher;
  }

  @Override
  public void configure() {
    from(QUEUE).routeId("payments.payouts.hand-over")
        .process(e -> {
          Due due = e.getMessage().getBody(Due.class);
          try {
            handOver(due);
          } finally {
            dispatcher.done(due);
          }
        });

    from(BULK_QUEUE).routeId("payments.payouts.bulk-hand-over")
        .aggregate(simple("${body.tenantId}"), AggregationStrategies.groupedBody())
        .completionSize(1000).completionTimeout(1000)
        .process(e -> {
          @SuppressWarnings("unchecked")
          List<Due> dues = e.getMessage().getBody(List.class);
          try {
            handOverAll(dues);
          } finally {
            dues.forEach(dispatcher::done);
          }
        });

    from(SMS_QUEUE).routeId("sms.payouts.text")
        .process(e -> {
          Due due = e.getMessage().getBody(Due.class);
          try {
            text(due);
          } finally {
            dispatcher.texted(due);
          }
        });
  }

  /** The farmer of a paid payout gets its SMS once; a message the provider did not take waits for the sweep. */
  void text(Due due) {
    Optional<Tenant> t = tenants.find(due.tenantId()).filter(Tenant::isOpen);
    Optional<Payout> p = t.flatMap(x -> payouts.find(x, due.payoutId()))
        .filter(x -> x.status() == Payout.Status.PAID && x.smsSentAt() == null);
    if (p.isEmpty()) {
      return;
    }
    texts.send(t.get(), p.get().msisdn(), p.get().message())
        .ifPresent(messageId -> payouts.texted(t.get(), due.payoutId(), messageId));
  }

  void handOver(Due due) {
    Optional<Tenant> t = tenants.find(due.tenantId()).filter(Tenant::isOpen);
    if (t.isEmpty()) {
      return;
    }
    Optional<Payout> p = payouts.handOver(t.get(), due.payoutId());
    if (p.isEmpty()) {
      return;
    }
    PaymentRail.Answer a;
    try {
      a = rails.submit(t.get(), p.get());
    } catch (RuntimeException e) {
      LOG.warning("payout " + due.payoutId() + " of " + due.tenantId() + " not handed over: " + e.getMessage());
      return; // stays submitting: the sweep asks the provider, and sends it again under the same reference
    }
    apply(t.get(), due.payoutId(), a);
  }

  /** Payouts of one tenant handed over together, as the provider's bulk transfers. */
  void handOverAll(List<Due> dues) {
    Optional<Tenant> t = tenants.find(dues.get(0).tenantId()).filter(Tenant::isOpen);
    if (t.isEmpty()) {
      return;
    }
    List<Payout> ps = new ArrayList<>();
    for (Due due : dues) {
      payouts.handOver(t.get(), due.payoutId()).ifPresent(ps::add);
    }
    if (ps.isEmpty()) {
      return;
    }
    Map<String, PaymentRail.Answer> answers;
    try {
      answers = rails.submitAll(t.get(), ps);
    } catch (RuntimeException e) {
      LOG.warning(ps.size() + " payouts of " + t.get().id() + " not handed over: " + e.getMessage());
      return; // they stay submitting, for the sweep
    }
    answers.forEach((id, a) -> apply(t.get(), id, a));
  }

  private void apply(Tenant t, String payoutId, PaymentRail.Answer a) {
    switch (a.submission()) {
      case ACCEPTED:
        payouts.accepted(t, payoutId);
        break;
      case REJECTED:
        payouts.settle(t, payoutId, false, null, a.reason());
        break;
      default:
        break; // the sweep asks the provider later
    }
  }
}
