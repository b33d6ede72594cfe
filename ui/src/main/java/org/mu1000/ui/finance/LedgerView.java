package org.mu1000.ui.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.mu1000.platform.finance.application.Ledger;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.ReconciliationService;
import org.mu1000.platform.finance.domain.Reconciliation;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * Tenant admins: the trial balance (which sums to zero), the health of each payment provider route, and a
 * reconciliation of the ledger with the provider.
 */
@Route(value = "ledger", layout = MainLayout.class)
@PageTitle("Mu1000 — ledger")
@Dependent
public class LedgerView extends VerticalLayout {
  @Inject
  public LedgerView(Ledger ledger, Instance<PaymentRail> rails, ReconciliationService reconciliations,
      TenantService tenants) {
    try {
      Tenant tenant = Ui.tenant(tenants);
      Ledger.TrialBalance tb = ledger.trialBalance(tenant, Ui.caller());
      Grid<Ledger.Balance> accounts = new Grid<>();
      accounts.setId("trial-balance");
      accounts.addColumn(Ledger.Balance::account).setHeader(getTranslation("ledger.account")).setAutoWidth(true);
      accounts.addColumn(Ledger.Balance::kind).setHeader(getTranslation("ledger.kind"));
      accounts.addColumn(b -> Ui.amount(b.balance())).setHeader(getTranslation("ledger.balance"));
      accounts.setItems(tb.accounts());
      accounts.setHeight("28em"); // a tenant has an account per farmer: the grid scrolls, the page does not
      Span sum = new Span(getTranslation("ledger.debits") + " " + Ui.amount(tb.debits()) + " · "
          + getTranslation("ledger.credits") + " " + Ui.amount(tb.credits()) + " · "
          + getTranslation("ledger.sum") + " " + Ui.amount(tb.sum()) + " " + tb.currency());
      sum.setId("ledger-sum");
      List<PaymentRail.Health> health = rails.isResolvable() ? rails.get().health(tenant) : List.of();
      Grid<PaymentRail.Health> routes = new Grid<>();
      routes.setId("provider-routes");
      routes.addColumn(PaymentRail.Health::routeId).setHeader(getTranslation("ledger.route")).setAutoWidth(true);
      routes.addColumn(PaymentRail.Health::in).setHeader(getTranslation("ledger.in"));
      routes.addColumn(PaymentRail.Health::out).setHeader(getTranslation("ledger.out"));
      routes.addColumn(PaymentRail.Health::failed).setHeader(getTranslation("ledger.failed"));
      routes.addColumn(PaymentRail.Health::breaker).setHeader(getTranslation("ledger.breaker"));
      routes.addColumn(h -> h.lastError() == null ? "" : h.lastError()).setHeader(getTranslation("ledger.lastError"))
          .setFlexGrow(1);
      routes.setItems(health);
      routes.setAllRowsVisible(true);
      Grid<Reconciliation.Difference> differences = new Grid<>();
      differences.setId("reconciliation");
      differences.addColumn(d -> d.kind()).setHeader(getTranslation("ledger.difference")).setAutoWidth(true);
      differences.addColumn(d -> d.payoutId() == null ? "" : d.payoutId()).setHeader("Payout").setAutoWidth(true);
      differences.addColumn(d -> d.ours()).setHeader(getTranslation("ledger.ours"));
      differences.addColumn(d -> d.provider()).setHeader(getTranslation("ledger.provider"));
      differences.addColumn(d -> d.detail() == null ? "" : d.detail()).setFlexGrow(1);
      differences.setAllRowsVisible(true);
      Span outcome = new Span();
      outcome.setId("reconciliation-outcome");
      Button reconcile = new Button(getTranslation("ledger.reconcile"), e -> {
        try {
          Reconciliation r = reconciliations.run(tenant, Ui.caller(), null);
          outcome.setText(getTranslation("ledger.reconciled", r.checked(), r.differences().size()));
          differences.setItems(r.differences());
        } catch (DomainException ex) {
          Ui.error(ex.getMessage());
        }
      });
      reconcile.setId("reconcile");
      add(new H3(getTranslation("ledger.trialBalance")), sum, new H3(getTranslation("ledger.reconciliation")),
          reconcile, outcome, differences, new H3(getTranslation("ledger.providers")), routes,
          new H3(getTranslation("ledger.accounts")), accounts);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }
}
