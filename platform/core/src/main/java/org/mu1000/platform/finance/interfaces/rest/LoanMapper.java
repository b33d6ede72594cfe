package org.mu1000.platform.finance.interfaces.rest;

import org.mu1000.api.model.Instalment;
import org.mu1000.api.model.LoanStatus;
import org.mu1000.platform.finance.application.LoanPortfolio;
import org.mu1000.platform.finance.application.LoanService;
import org.mu1000.platform.finance.domain.Loan;
import org.mu1000.platform.finance.domain.Supplier;

/** Between loans and the API's generated models. */
final class LoanMapper {
  private LoanMapper() {}

  static org.mu1000.api.model.Supplier supplier(Supplier s) {
    return new org.mu1000.api.model.Supplier().id(s.id()).name(s.name()).msisdn(s.msisdn())
        .bankAccount(s.bankAccount()).inputs(s.inputs()).version(s.version());
  }

  static org.mu1000.api.model.Loan loan(LoanService.View v) {
    Loan l = v.loan();
    Loan.Standing s = v.standing();
    return new org.mu1000.api.model.Loan().id(l.id()).farmerId(l.farmerId()).cooperativeId(l.cooperativeId())
        .programmeId(l.programmeId()).orderId(l.orderId()).orderNumber(l.orderNumber()).supplierId(l.supplierId())
        .supplierName(l.supplierName()).purpose(l.purpose()).principal(l.principal()).interest(l.interest())
        .total(l.total()).currency(l.currency()).annualRatePercent(l.annualRatePercent())
        .interestMethod(org.mu1000.api.model.Loan.InterestMethodEnum.fromValue(l.interestMethod()))
        .termMonths(l.termMonths()).limit(l.limit()).status(LoanStatus.fromValue(l.status().code()))
        .repaid(s.repaid()).outstanding(s.outstanding()).overdue(s.overdue()).daysOverdue(s.daysOverdue())
        .writtenOff(l.writtenOff()).appliedBy(l.appliedByName()).appliedAt(FinanceMapper.at(l.appliedAt()))
        .approvedBy(l.approvedByName()).approvedAt(FinanceMapper.at(l.approvedAt())).disbursedBy(l.disbursedByName())
        .disbursedOn(l.disbursedOn()).supplierReference(l.supplierReference()).decisionReason(l.decisionReason())
        .version(l.version()).schedule(s.instalments().stream().map(i -> new Instalment()
            .number(i.instalment().number()).due(i.instalment().due()).principal(i.instalment().principal())
            .interest(i.instalment().interest()).amount(i.instalment().amount()).paid(i.paid())
            .status(Instalment.StatusEnum.fromValue(i.status()))).toList());
  }

  static org.mu1000.api.model.LoanLimit limit(LoanService.Limit l) {
    return new org.mu1000.api.model.LoanLimit().farmerId(l.farmerId()).orderId(l.orderId()).currency(l.currency())
        .quotaKg(l.quotaKg()).expectedValue(l.expectedValue()).sharePercent(l.sharePercent()).borrowed(l.borrowed())
        .available(l.available());
  }

  static org.mu1000.api.model.LoanPortfolio portfolio(LoanPortfolio.Portfolio p) {
    return new org.mu1000.api.model.LoanPortfolio().currency(p.currency()).loans(p.loans()).open(p.open())
        .inArrears(p.inArrears()).disbursed(p.disbursed()).repaid(p.repaid()).outstanding(p.outstanding())
        .atRisk30(p.atRisk30()).par30Percent(p.par30Percent()).writtenOff(p.writtenOff());
  }
}
