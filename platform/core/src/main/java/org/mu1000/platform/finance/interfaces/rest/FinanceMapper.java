package org.mu1000.platform.finance.interfaces.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.mu1000.api.model.PayoutStatus;
import org.mu1000.api.model.StatementLinesInner;
import org.mu1000.api.model.TrialBalanceAccountsInner;
import org.mu1000.platform.finance.application.Ledger;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.domain.JournalEntry;
import org.mu1000.platform.finance.domain.Payment;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.PayoutBatch;

/** Between the finance context and the API's generated models. */
final class FinanceMapper {
  private FinanceMapper() {}

  static OffsetDateTime at(java.time.Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static org.mu1000.api.model.Payment payment(Payment p) {
    return new org.mu1000.api.model.Payment().id(p.id()).shipmentId(p.shipmentId()).orderId(p.orderId())
        .amount(p.amount()).currency(p.currency()).reference(p.reference()).paidOn(p.paidOn())
        .recordedBy(p.recordedBy()).lots(p.lots()).farmers(p.farmers()).payable(p.payable()).fees(p.fees())
        .createdAt(at(p.createdAt()));
  }

  static org.mu1000.api.model.PaymentRequest request(org.mu1000.platform.finance.domain.PaymentRequest r) {
    return new org.mu1000.api.model.PaymentRequest().id(r.id()).shipmentId(r.shipmentId()).amount(r.amount())
        .currency(r.currency()).payerMsisdn(r.payerMsisdn())
        .status(org.mu1000.api.model.PaymentRequest.StatusEnum.fromValue(r.status().code())).reason(r.reason())
        .providerTransactionId(r.providerTransactionId()).paymentId(r.paymentId()).requestedBy(r.requestedBy())
        .createdAt(at(r.createdAt())).updatedAt(at(r.updatedAt()));
  }

  static org.mu1000.api.model.TrialBalance trialBalance(Ledger.TrialBalance tb) {
    return new org.mu1000.api.model.TrialBalance().currency(tb.currency()).debits(tb.debits()).credits(tb.credits())
        .sum(tb.sum()).accounts(tb.accounts().stream().map(b -> new TrialBalanceAccountsInner().account(b.account())
            .kind(TrialBalanceAccountsInner.KindEnum.fromValue(b.kind())).balance(b.balance())).toList());
  }

  static org.mu1000.api.model.JournalEntry entry(JournalEntry e) {
    return new org.mu1000.api.model.JournalEntry().id(e.id()).date(e.date())
        .cause(org.mu1000.api.model.JournalEntry.CauseEnum.fromValue(e.cause())).causeId(e.causeId()).memo(e.memo())
        .currency(e.currency()).fxRate(e.fxRate()).bookedAt(at(e.bookedAt()))
        .postings(e.postings().stream().map(p -> new org.mu1000.api.model.JournalEntryPostingsInner()
            .account(p.account()).amount(p.amount()).usd(p.usd())).toList());
  }

  static org.mu1000.api.model.Statement statement(Ledger.Statement s) {
    return new org.mu1000.api.model.Statement().farmerId(s.farmerId()).currency(s.currency()).owed(s.owed())
        .total(s.total()).lines(s.lines().stream().map(l -> new StatementLinesInner().entry(entry(l.entry()))
            .amount(l.amount()).owed(l.owed())).toList());
  }

  static org.mu1000.api.model.PayoutBatch batch(PayoutBatch b, Map<String, Long> progress) {
    return new org.mu1000.api.model.PayoutBatch().id(b.id()).cooperativeId(b.cooperativeId()).provider(b.provider())
        .currency(b.currency()).status(org.mu1000.api.model.PayoutBatch.StatusEnum.fromValue(b.status().code()))
        .count(b.count()).total(b.total()).preparedBy(b.preparedByName()).preparedAt(at(b.preparedAt()))
        .approvedBy(b.approvedByName()).approvedAt(at(b.approvedAt())).sentBy(b.sentByName()).sentAt(at(b.sentAt()))
        .progress(progress).version(b.version());
  }

  static org.mu1000.api.model.Payout payout(Payout p) {
    return new org.mu1000.api.model.Payout().id(p.id()).batchId(p.batchId()).farmerId(p.farmerId())
        .cooperativeId(p.cooperativeId()).msisdn(p.msisdn()).amount(p.amount()).currency(p.currency())
        .provider(p.provider()).status(PayoutStatus.fromValue(p.status().code())).attempt(p.attempt())
        .retryOf(p.retryOf()).providerTransactionId(p.providerTransactionId()).reason(p.reason())
        .message(p.message()).smsSentAt(at(p.smsSentAt())).handedAt(at(p.handedAt())).finalAt(at(p.finalAt())).createdAt(at(p.createdAt()));
  }

  static org.mu1000.api.model.ProviderRoute route(PaymentRail.Health h) {
    return new org.mu1000.api.model.ProviderRoute().routeId(h.routeId()).family(h.family()).provider(h.provider())
        .in(h.in()).out(h.out()).failed(h.failed()).lastError(h.lastError())
        .breaker(org.mu1000.api.model.ProviderRoute.BreakerEnum.fromValue(h.breaker()));
  }

  static org.mu1000.api.model.Reconciliation reconciliation(org.mu1000.platform.finance.domain.Reconciliation r) {
    return new org.mu1000.api.model.Reconciliation().id(r.id()).batchId(r.batchId()).at(at(r.at())).by(r.by())
        .checked(r.checked()).clearing(r.clearing()).inFlight(r.inFlight())
        .differences(r.differences().stream().map(d -> new org.mu1000.api.model.ReconciliationDifferencesInner()
            .payoutId(d.payoutId()).farmerId(d.farmerId())
            .kind(org.mu1000.api.model.ReconciliationDifferencesInner.KindEnum.fromValue(d.kind())).ours(d.ours())
            .provider(d.provider()).detail(d.detail())).toList());
  }
}
