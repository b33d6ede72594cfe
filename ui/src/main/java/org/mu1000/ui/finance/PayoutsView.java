package org.mu1000.ui.finance;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mu1000.platform.finance.application.Ledger;
import org.mu1000.platform.finance.application.PayoutService;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.finance.domain.PayoutBatch;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * Coop managers and admins pay farmers: prepare a batch of what a cooperative's farmers are owed, have a second
 * person approve it, send it, and watch each payout reach paid or failed (with a retry for the failed); a farmer's
 * statement opens from their payout.
 */
@Route(value = "payouts", layout = MainLayout.class)
@PageTitle("Mu1000 — payouts")
@Dependent
public class PayoutsView extends VerticalLayout {
  private final PayoutService payouts;
  private final Ledger ledger;
  private final FarmerService farmers;
  private final Map<String, String> farmerNames = new java.util.HashMap<>();
  private final Grid<PayoutBatch> batches = new Grid<>(PayoutBatch.class, false);
  private final Grid<Payout> lines = new Grid<>(Payout.class, false);
  private final H3 selectedTitle = new H3();
  private Tenant tenant;
  private Map<String, String> coopNames = Map.of();
  private PayoutBatch selected;
  private com.vaadin.flow.shared.Registration poll;

  @Inject
  public PayoutsView(PayoutService payouts, Ledger ledger, OrganisationService orgs, FarmerService farmers,
      TenantService tenants) {
    this.payouts = payouts;
    this.ledger = ledger;
    this.farmers = farmers;
    try {
      tenant = Ui.tenant(tenants);
      coopNames = orgs.cooperatives(tenant, Ui.caller()).stream().filter(c -> Ui.caller().maySeeCoop(c.id()))
          .collect(Collectors.toMap(Cooperative::id, Cooperative::name, (a, b) -> a));
      ComboBox<String> coop = new ComboBox<>(getTranslation("payouts.cooperative"));
      coop.setId("payout-coop");
      coop.setItems(coopNames.keySet());
      coop.setItemLabelGenerator(id -> coopNames.getOrDefault(id, id));
      coop.setWidth("24em");
      Button prepare = new Button(getTranslation("payouts.prepare"), e -> act(() -> payouts.prepare(tenant,
          Ui.caller(), coop.getValue()), "payouts.prepared"));
      prepare.setId("prepare-batch");
      prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      HorizontalLayout bar = new HorizontalLayout(coop, prepare);
      bar.setAlignItems(Alignment.BASELINE);

      batches.setId("payout-batches");
      batches.addColumn(b -> coopNames.getOrDefault(b.cooperativeId(), b.cooperativeId()))
          .setHeader(getTranslation("payouts.cooperative")).setFlexGrow(1);
      batches.addColumn(b -> b.preparedAt().toString().substring(0, 16).replace('T', ' '))
          .setHeader(getTranslation("payouts.preparedAt")).setAutoWidth(true);
      batches.addColumn(PayoutBatch::count).setHeader(getTranslation("payouts.farmers"));
      batches.addColumn(b -> b.currency() + " " + Ui.amount(b.total())).setHeader(getTranslation("payouts.total"));
      batches.addColumn(b -> status(b)).setHeader(getTranslation("payouts.status"));
      batches.addColumn(b -> b.preparedByName() + (b.approvedByName() == null ? "" : " / " + b.approvedByName()))
          .setHeader(getTranslation("payouts.fourEyes")).setAutoWidth(true);
      batches.addComponentColumn(this::actions).setAutoWidth(true);
      batches.setHeight("20em");
      batches.addItemClickListener(e -> select(e.getItem()));

      lines.setId("payout-lines");
      lines.addColumn(p -> farmerName(p.farmerId())).setHeader(getTranslation("payouts.farmer")).setAutoWidth(true);
      lines.addColumn(Payout::msisdn).setHeader(getTranslation("payouts.phone")).setAutoWidth(true);
      lines.addColumn(p -> Ui.amount(p.amount())).setHeader(getTranslation("payouts.amount"));
      lines.addColumn(p -> p.status().code()).setHeader(getTranslation("payouts.status"));
      lines.addColumn(p -> p.reason() == null ? "" : p.reason()).setHeader(getTranslation("payouts.reason"))
          .setFlexGrow(1);
      lines.addComponentColumn(p -> {
        HorizontalLayout h = new HorizontalLayout();
        h.add(new Button(getTranslation("payouts.statement"), e -> statement(p.farmerId())));
        if (p.status() == Payout.Status.FAILED) {
          Button retry = new Button(getTranslation("payouts.retry"), e -> act(() -> payouts.retry(tenant, Ui.caller(),
              p.id()), "payouts.retried"));
          retry.setId("retry-" + p.id());
          h.add(retry);
        }
        return h;
      }).setAutoWidth(true);
      lines.setHeight("30em");
      refresh();
      add(new Paragraph(getTranslation("payouts.intro")), bar, batches, selectedTitle, lines);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private HorizontalLayout actions(PayoutBatch b) {
    HorizontalLayout h = new HorizontalLayout();
    if (b.status() == PayoutBatch.Status.PREPARED) {
      Button approve = new Button(getTranslation("payouts.approve"), e -> act(() -> payouts.approve(tenant,
          Ui.caller(), b.id()), "payouts.approved"));
      approve.setId("approve-" + b.id());
      h.add(approve);
    }
    if (b.status() == PayoutBatch.Status.APPROVED) {
      Button send = new Button(getTranslation("payouts.send"), e -> act(() -> payouts.send(tenant, Ui.caller(),
          b.id()), "payouts.sending"));
      send.setId("send-" + b.id());
      send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      h.add(send);
    }
    if (b.status() == PayoutBatch.Status.PREPARED || b.status() == PayoutBatch.Status.APPROVED) {
      h.add(new Button(getTranslation("payouts.cancel"), e -> act(() -> payouts.cancel(tenant, Ui.caller(), b.id()),
          "payouts.cancelled")));
    }
    return h;
  }

  private void act(Supplier<?> action, String done) {
    try {
      Object result = action.get();
      Ui.ok(getTranslation(done));
      if (result instanceof PayoutBatch b) {
        selected = b;
      }
    } catch (DomainException ex) {
      Ui.error(ex.getMessage());
    }
    refresh();
  }

  private void select(PayoutBatch b) {
    selected = b;
    refresh();
  }

  private void refresh() {
    if (tenant == null) {
      return;
    }
    batches.setItems(payouts.batches(tenant, Ui.caller(), null, 0, 100));
    if (selected != null) {
      selected = payouts.batch(tenant, Ui.caller(), selected.id());
    }
    if (selected == null) {
      selectedTitle.setText("");
      lines.setItems();
      return;
    }
    Map<String, Long> progress = payouts.progress(tenant, selected);
    selectedTitle.setText(getTranslation("payouts.progress") + ": " + progress.entrySet().stream()
        .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    selectedTitle.setId("payout-progress");
    lines.setItems(payouts.payouts(tenant, Ui.caller(), selected.id(), null, 0, 500));
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

  /** A batch being sent whose payouts are all final is done. */
  private String status(PayoutBatch b) {
    return payouts.settled(tenant, b) ? "done" : b.status().code();
  }

  private void statement(String farmerId) {
    try {
      Ledger.Statement s = ledger.statement(tenant, Ui.caller(), farmerId, 0, 200);
      Grid<Ledger.Line> g = new Grid<>();
      g.addColumn(l -> l.entry().date().toString()).setHeader(getTranslation("ledger.date")).setAutoWidth(true);
      g.addColumn(l -> l.entry().memo()).setHeader(getTranslation("ledger.cause")).setFlexGrow(1);
      g.addColumn(l -> Ui.amount(l.amount())).setHeader(getTranslation("payouts.amount"));
      g.addColumn(l -> Ui.amount(l.owed())).setHeader(getTranslation("ledger.owed"));
      g.setItems(s.lines());
      g.setAllRowsVisible(true);
      Dialog d = new Dialog(new H3(getTranslation("payouts.statement") + " — " + farmerName(farmerId)), new Span(
          getTranslation("ledger.owed") + ": " + s.currency() + " " + Ui.amount(s.owed())), g);
      d.setWidth("60em");
      d.open();
    } catch (DomainException e) {
      Ui.error(e.getMessage());
    }
  }

  /** While the page is open, the batches and the progress of the one selected show without a reload. */
  @Override
  protected void onAttach(AttachEvent e) {
    e.getUI().setPollInterval(2000);
    poll = e.getUI().addPollListener(p -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent e) {
    e.getUI().setPollInterval(-1);
    if (poll != null) {
      poll.remove();
    }
  }
}
