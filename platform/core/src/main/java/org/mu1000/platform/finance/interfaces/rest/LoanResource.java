package org.mu1000.platform.finance.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.mu1000.api.LoansApi;
import org.mu1000.api.model.LoanApplication;
import org.mu1000.api.model.LoanDecision;
import org.mu1000.api.model.LoanDisbursement;
import org.mu1000.api.model.LoanStatus;
import org.mu1000.api.model.Supplier;
import org.mu1000.platform.finance.application.LoanPortfolio;
import org.mu1000.platform.finance.application.LoanService;
import org.mu1000.platform.finance.application.SupplierService;
import org.mu1000.platform.finance.domain.Loan;
import org.mu1000.platform.tenancy.application.TenantContext;

@RequestScoped
public class LoanResource implements LoansApi {
  private LoanService loans;
  private SupplierService suppliers;
  private LoanPortfolio book;
  private TenantContext ctx;

  protected LoanResource() {}

  @Inject
  public LoanResource(LoanService loans, SupplierService suppliers, LoanPortfolio book, TenantContext ctx) {
    this.loans = loans;
    this.suppliers = suppliers;
    this.book = book;
    this.ctx = ctx;
  }

  private Response loan(Loan l) {
    return Response.ok(LoanMapper.loan(loans.view(ctx.tenant(), l))).build();
  }

  @Override
  public Response listSuppliers(String tenant) {
    return Response.ok(suppliers.suppliers(ctx.tenant(), ctx.caller()).stream().map(LoanMapper::supplier).toList())
        .build();
  }

  @Override
  public Response registerSupplier(String tenant, Supplier in, String idempotencyKey) {
    var s = suppliers.register(ctx.tenant(), ctx.caller(), new org.mu1000.platform.finance.domain.Supplier(null,
        in.getName(), in.getMsisdn(), in.getBankAccount(), in.getInputs(), 0));
    return Response.created(URI.create("tenants/" + tenant + "/suppliers/" + s.id())).entity(LoanMapper.supplier(s))
        .build();
  }

  @Override
  public Response applyForLoan(String tenant, LoanApplication in, String idempotencyKey) {
    Loan l = loans.apply(ctx.tenant(), ctx.caller(), new LoanService.Application(in.getFarmerId(), in.getOrderId(),
        in.getSupplierId(), in.getPrincipal(), in.getTermMonths(), in.getPurpose()));
    return Response.created(URI.create("tenants/" + tenant + "/loans/" + l.id()))
        .entity(LoanMapper.loan(loans.view(ctx.tenant(), l))).build();
  }

  @Override
  public Response getLoanLimit(String tenant, String farmerId, String orderId) {
    return Response.ok(LoanMapper.limit(loans.limit(ctx.tenant(), ctx.caller(), farmerId, orderId))).build();
  }

  @Override
  public Response getLoanPortfolio(String tenant, String programmeId) {
    return Response.ok(LoanMapper.portfolio(book.portfolio(ctx.tenant(), ctx.caller(), programmeId))).build();
  }

  @Override
  public Response listLoans(String tenant, String farmerId, String cooperativeId, LoanStatus status, Boolean arrears,
      Integer page, Integer size) {
    var p = loans.loans(ctx.tenant(), ctx.caller(), farmerId, cooperativeId,
        status == null ? null : Loan.Status.of(status.toString()), Boolean.TRUE.equals(arrears),
        page == null ? 0 : page, size == null ? 50 : size);
    return Response.ok(new org.mu1000.api.model.LoanPage().total(p.total())
        .items(p.items().stream().map(LoanMapper::loan).toList())).build();
  }

  @Override
  public Response getLoan(String tenant, String id) {
    return loan(loans.loan(ctx.tenant(), ctx.caller(), id));
  }

  @Override
  public Response approveLoan(String tenant, String id, String idempotencyKey) {
    return loan(loans.approve(ctx.tenant(), ctx.caller(), id));
  }

  @Override
  public Response rejectLoan(String tenant, String id, LoanDecision in, String idempotencyKey) {
    return loan(loans.reject(ctx.tenant(), ctx.caller(), id, in.getReason()));
  }

  @Override
  public Response disburseLoan(String tenant, String id, LoanDisbursement in, String idempotencyKey) {
    return loan(loans.disburse(ctx.tenant(), ctx.caller(), id, in.getSupplierReference(), in.getDisbursedOn()));
  }

  @Override
  public Response writeOffLoan(String tenant, String id, LoanDecision in, String idempotencyKey) {
    return loan(loans.writeOff(ctx.tenant(), ctx.caller(), id, in.getReason()));
  }
}
