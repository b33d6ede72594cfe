package org.mu1000.platform.finance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.finance.domain.FinanceStore;
import org.mu1000.platform.finance.domain.Supplier;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/** The registered input suppliers an input loan is paid to. */
@ApplicationScoped
public class SupplierService {
  private Ledger ledger;
  private AuditTrail audit;

  protected SupplierService() {}

  @Inject
  public SupplierService(Ledger ledger, AuditTrail audit) {
    this.ledger = ledger;
    this.audit = audit;
  }

  public Supplier register(Tenant t, Caller c, Supplier in) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("input suppliers are registered by the tenant's administrators");
    }
    Supplier s = new Supplier(Ids.next("su"), in.name() == null ? null : in.name().trim(), in.msisdn(),
        in.bankAccount(), in.inputs(), 0);
    s.validate();
    FinanceStore store = ledger.store(t);
    if (store.count(FinanceStore.SUPPLIERS, Where.eq("name", s.name())) > 0) {
      throw DomainException.invalid("name", "a supplier named " + s.name() + " is registered already");
    }
    store.insert(FinanceStore.SUPPLIERS, s.id(), s);
    audit.record(t, c.username(), "supplier.registered", "supplier", s.id(), null, Map.of("name", s.name()));
    return store.get(FinanceStore.SUPPLIERS, s.id(), Supplier.class, "supplier");
  }

  public List<Supplier> suppliers(Tenant t, Caller c) {
    LoanService.requireLoans(c);
    return ledger.store(t).list(FinanceStore.SUPPLIERS, null, Where.Order.by("name"), 0, 0, Supplier.class);
  }

  Optional<Supplier> supplier(Tenant t, String id) {
    return ledger.store(t).find(FinanceStore.SUPPLIERS, id, Supplier.class);
  }
}
