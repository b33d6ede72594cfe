package org.mu1000.ui.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mu1000.platform.finance.application.LoanPortfolio;
import org.mu1000.platform.finance.application.LoanService;
import org.mu1000.platform.finance.application.SupplierService;
import org.mu1000.platform.finance.domain.Loan;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.application.OrderService;
import org.mu1000.platform.valuechain.domain.ProductionPlan;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * Input loans: a manager applies for a farmer against a confirmed order they have a quota on (the limit shows as they
 * choose), another person approves, the loan is paid to the input supplier; the schedule, repayments and arrears of
 * every loan, and the portfolio at risk.
 */
@Route(value = "loans", layout = MainLayout.class)
@PageTitle("Mu1000 — loans")
@Dependent
public class LoansView extends VerticalLayout {
  private final LoanService loans;
  private final SupplierService suppliers;
  private final LoanPortfolio book;
  private final OrderService orders;
  private final FarmerService farmers;
  private final Map<String, String> farmerNames = new HashMap<>();
  private final Grid<LoanService.View> grid = new Grid<>();
  private final Span portfolio = new Span();
  private final Checkbox arrearsOnly = new Checkbox();
  private Tenant tenant;

  @Inject
  public LoansView(LoanService loans, SupplierService suppliers, LoanPortfolio book, OrderService orders,
      FarmerService farmers, TenantService tenants) {
    this.loans = loans;
    this.suppliers = suppliers;
    this.book = book;
    this.orders = orders;
    this.farmers = farmers;
    try {
      tenant = Ui.tenant(tenants);
      portfolio.setId("loan-portfolio");
      arrearsOnly.setLabel(getTranslation("loans.arrearsOnly"));
      arrearsOnly.setId("loans-arrears");
      arrearsOnly.addValueChangeListener(e -> refresh());
      Button apply = new Button(getTranslation("loans.apply"), e -> applyDialog());
      apply.setId("apply-loan");
      apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      HorizontalLayout bar = new HorizontalLayout(apply, arrearsOnly);
      bar.setAlignItems(Alignment.BASELINE);

      grid.setId("loans");
      grid.addColumn(v -> farmerName(v.loan().farmerId())).setHeader(getTranslation("payouts.farmer"))
          .setAutoWidth(true);
      grid.addColumn(v -> v.loan().orderNumber()).setHeader(getTranslation("loans.order")).setAutoWidth(true);
      grid.addColumn(v -> v.loan().supplierName()).setHeader(getTranslation("loans.supplier")).setAutoWidth(true);
      grid.addColumn(v -> Ui.amount(v.loan().principal())).setHeader(getTranslation("loans.principal"));
      grid.addColumn(v -> Ui.amount(v.loan().total())).setHeader(getTranslation("loans.total"));
      grid.addColumn(v -> Ui.amount(v.standing().repaid())).setHeader(getTranslation("loans.repaid"));
      grid.addColumn(v -> Ui.amount(v.standing().outstanding())).setHeader(getTranslation("loans.outstanding"));
      grid.addColumn(v -> v.loan().status().code()).setHeader(getTranslation("payouts.status"));
      grid.addColumn(v -> v.standing().daysOverdue() > 0 ? getTranslation("loans.daysLate", v.standing()
          .daysOverdue()) : "").setHeader(getTranslation("loans.arrears")).setAutoWidth(true);
      grid.addComponentColumn(this::actions).setAutoWidth(true).setFrozenToEnd(true);
      grid.setHeight("32em");
      refresh();
      add(new Paragraph(getTranslation("loans.intro")), portfolio, bar, grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private HorizontalLayout actions(LoanService.View v) {
    Loan l = v.loan();
    HorizontalLayout h = new HorizontalLayout();
    Button schedule = new Button(getTranslation("loans.schedule"), e -> schedule(v));
    schedule.setId("schedule-" + l.id());
    h.add(schedule);
    if (l.status() == Loan.Status.APPLIED) {
      Button approve = new Button(getTranslation("payouts.approve"), e -> act(() -> loans.approve(tenant, Ui.caller(),
          l.id()), "loans.approved"));
      approve.setId("approve-" + l.id());
      h.add(approve);
    }
    if (l.status() == Loan.Status.APPLIED || l.status() == Loan.Status.APPROVED) {
      h.add(new Button(getTranslation("loans.reject"), e -> reasonDialog("loans.reject", reason -> loans.reject(
          tenant, Ui.caller(), l.id(), reason), "loans.rejected")));
    }
    if (l.status() == Loan.Status.APPROVED) {
      Button disburse = new Button(getTranslation("loans.disburse"), e -> disburseDialog(l));
      disburse.setId("disburse-" + l.id());
      disburse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      h.add(disburse);
    }
    if (l.status() == Loan.Status.DISBURSED && Ui.caller().mayAdministerTenant()) {
      Button off = new Button(getTranslation("loans.writeOff"), e -> reasonDialog("loans.writeOff",
          reason -> loans.writeOff(tenant, Ui.caller(), l.id(), reason), "loans.writtenOff"));
      off.addThemeVariants(ButtonVariant.LUMO_ERROR);
      off.setId("write-off-" + l.id());
      h.add(off);
    }
    return h;
  }

  /** Order → farmer with a quota on it → the limit shows → supplier, amount, term. */
  private void applyDialog() {
    ComboBox<PurchaseOrder> order = new ComboBox<>(getTranslation("loans.order"));
    order.setId("loan-order");
    order.setItems(orders.list(tenant, Ui.caller(), null, null, 0, 200).items().stream().filter(o -> o.status()
        == PurchaseOrder.Status.CONFIRMED || o.status() == PurchaseOrder.Status.IN_DELIVERY).toList());
    order.setItemLabelGenerator(o -> o.number() + " — " + o.buyer().name());
    ComboBox<String> farmer = new ComboBox<>(getTranslation("payouts.farmer"));
    farmer.setId("loan-farmer");
    farmer.setItemLabelGenerator(this::farmerName);
    ComboBox<org.mu1000.platform.finance.domain.Supplier> supplier = new ComboBox<>(getTranslation("loans.supplier"));
    supplier.setId("loan-supplier");
    supplier.setItems(suppliers.suppliers(tenant, Ui.caller()));
    supplier.setItemLabelGenerator(org.mu1000.platform.finance.domain.Supplier::name);
    BigDecimalField principal = new BigDecimalField(getTranslation("loans.principal"));
    principal.setId("loan-principal");
    IntegerField term = new IntegerField(getTranslation("loans.termMonths"));
    term.setId("loan-term");
    term.setValue(6);
    TextField purpose = new TextField(getTranslation("loans.purpose"));
    purpose.setId("loan-purpose");
    Span limit = new Span();
    limit.setId("loan-limit");
    order.addValueChangeListener(e -> {
      farmer.clear();
      limit.setText("");
      if (e.getValue() != null) {
        try {
          ProductionPlan plan = orders.plan(tenant, Ui.caller(), e.getValue().id());
          farmer.setItems(plan.lines().stream().flatMap(l -> l.coops().stream()).flatMap(c -> c.farmers().stream())
              .map(ProductionPlan.FarmerQuota::farmerId).distinct().toList());
        } catch (DomainException ex) {
          farmer.setItems(List.of());
          limit.setText(ex.getMessage());
        }
      }
    });
    farmer.addValueChangeListener(e -> {
      if (e.getValue() != null && order.getValue() != null) {
        try {
          LoanService.Limit l = loans.limit(tenant, Ui.caller(), e.getValue(), order.getValue().id());
          limit.setText(getTranslation("loans.limit", l.currency(), Ui.amount(l.available()),
              Ui.amount(l.expectedValue()), Ui.amount(l.sharePercent())));
        } catch (DomainException ex) {
          limit.setText(ex.getMessage());
        }
      }
    });
    FormLayout form = new FormLayout(order, farmer, limit, supplier, principal, term, purpose);
    form.setColspan(limit, 2);
    Map<String, com.vaadin.flow.component.Component> fields = new LinkedHashMap<>();
    fields.put("orderId", order);
    fields.put("farmerId", farmer);
    fields.put("supplierId", supplier);
    fields.put("principal", principal);
    fields.put("termMonths", term);
    fields.put("purpose", purpose);
    Ui.formDialog(getTranslation("loans.apply"), form, fields, () -> loans.apply(tenant, Ui.caller(),
        new LoanService.Application(farmer.getValue(), order.getValue() == null ? null : order.getValue().id(),
            supplier.getValue() == null ? null : supplier.getValue().id(), principal.getValue(), term.getValue(),
            purpose.getValue().isBlank() ? null : purpose.getValue())), () -> {
              Ui.ok(getTranslation("loans.applied"));
              refresh();
            });
  }

  private void disburseDialog(Loan l) {
    TextField reference = new TextField(getTranslation("loans.supplierReference"));
    reference.setId("loan-supplier-reference");
    FormLayout form = new FormLayout(new Span(getTranslation("loans.disburseTo", l.supplierName(), l.currency(),
        Ui.amount(l.principal()))), reference);
    Ui.formDialog(getTranslation("loans.disburse"), form, Map.of("supplierReference", reference),
        () -> loans.disburse(tenant, Ui.caller(), l.id(), reference.getValue(), null), () -> {
          Ui.ok(getTranslation("loans.disbursed"));
          refresh();
        });
  }

  private void reasonDialog(String title, java.util.function.Consumer<String> action, String done) {
    TextField reason = new TextField(getTranslation("loans.reason"));
    reason.setId("loan-reason");
    reason.setWidthFull();
    Ui.formDialog(getTranslation(title), new FormLayout(reason), Map.of("reason", reason),
        () -> action.accept(reason.getValue()), () -> {
          Ui.ok(getTranslation(done));
          refresh();
        });
  }

  private void schedule(LoanService.View v) {
    Grid<Loan.InstalmentState> g = new Grid<>();
    g.setId("loan-schedule");
    g.addColumn(s -> s.instalment().number()).setHeader("#");
    g.addColumn(s -> Ui.date(s.instalment().due())).setHeader(getTranslation("loans.due"));
    g.addColumn(s -> Ui.amount(s.instalment().principal())).setHeader(getTranslation("loans.principal"));
    g.addColumn(s -> Ui.amount(s.instalment().interest())).setHeader(getTranslation("loans.interest"));
    g.addColumn(s -> Ui.amount(s.paid())).setHeader(getTranslation("loans.repaid"));
    g.addColumn(Loan.InstalmentState::status).setHeader(getTranslation("payouts.status"));
    g.setItems(v.standing().instalments());
    g.setAllRowsVisible(true);
    Loan l = v.loan();
    Dialog d = new Dialog(new H3(getTranslation("loans.schedule") + " — " + farmerName(l.farmerId())),
        new Paragraph(getTranslation("loans.terms", l.currency(), Ui.amount(l.principal()),
            Ui.amount(l.annualRatePercent()), l.interestMethod(), l.termMonths())), g);
    d.setWidth("50em");
    d.open();
  }

  private void act(Supplier<?> action, String done) {
    try {
      action.get();
      Ui.ok(getTranslation(done));
    } catch (DomainException ex) {
      Ui.error(ex.getMessage());
    }
    refresh();
  }

  private void refresh() {
    if (tenant == null) {
      return;
    }
    grid.setItems(loans.loans(tenant, Ui.caller(), null, null, null, arrearsOnly.getValue(), 0, 500).items());
    LoanPortfolio.Portfolio p = book.portfolio(tenant, Ui.caller(), null);
    portfolio.setText(getTranslation("loans.portfolio", p.open(), p.currency(), Ui.amount(p.outstanding()),
        p.inArrears(), Ui.amount(p.par30Percent()), Ui.amount(p.repaid()), Ui.amount(p.writtenOff())));
  }

  private String farmerName(String id) {
    return farmerNames.computeIfAbsent(id, x -> {
      try {
        var f = farmers.get(tenant, Ui.caller(), x);
        return f.givenName() + " " + f.familyName();
      } catch (DomainException e) {
        return x;
      }
    });
  }
}
