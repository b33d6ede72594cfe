package org.mu1000.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.components.PlotMap;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** One farmer: details, plots with their area in the tenant's unit, and the plots on a map. */
@Route(value = "farmers/:id", layout = MainLayout.class)
@PageTitle("Mu1000 — farmer")
@Dependent
public class FarmerView extends VerticalLayout implements BeforeEnterObserver {
  private final FarmerService farmers;
  private final PlotService plots;
  private final OrganisationService orgs;
  private final TenantService tenants;

  private final org.mu1000.platform.valuechain.application.OrderService orders;

  @Inject
  public FarmerView(FarmerService farmers, PlotService plots, OrganisationService orgs, TenantService tenants,
      org.mu1000.platform.valuechain.application.OrderService orders) {
    this.orders = orders;
    this.farmers = farmers;
    this.plots = plots;
    this.orgs = orgs;
    this.tenants = tenants;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String id = event.getRouteParameters().get("id").orElse("");
    try {
      Tenant t = Ui.tenant(tenants);
      Farmer f = farmers.get(t, Ui.caller(), id);
      List<Plot> ps = plots.of(t, Ui.caller(), id);
      var unit = t.config().areaUnit();
      BigDecimal total = ps.stream().map(Plot::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add);
      H2 title = new H2(f.displayName());
      title.setId("farmer-title");
      java.util.List<String> facts = new java.util.ArrayList<>(java.util.List.of(getTranslation("sex." + f.sex().code())));
      if (f.msisdn() != null) {
        facts.add(f.msisdn());
      }
      if (f.householdSize() != null) {
        facts.add(getTranslation("farmer.householdSize") + ": " + f.householdSize());
      }
      if (f.nationalIdLast4() != null) {
        facts.add("ID …" + f.nationalIdLast4());
      }
      add(title, new Paragraph(String.join(" · ", facts)));
      Button edit = new Button(getTranslation("farmers.edit"), e -> editDialog(t, f));
      edit.setVisible(Ui.caller().mayWriteRegistry());
      add(edit);
      Grid<Plot> grid = new Grid<>(Plot.class, false);
      grid.setId("plots-grid");
      grid.addColumn(Plot::crop).setHeader(getTranslation("plot.crop"));
      grid.addColumn(Plot::plantingYear).setHeader(getTranslation("plot.plantingYear"));
      grid.addColumn(p -> Ui.amount(unit.fromSquareMetres(p.areaM2())) + " " + unit.code())
          .setHeader(getTranslation("plot.area"));
      grid.setItems(ps);
      grid.setAllRowsVisible(true);
      add(new Paragraph(getTranslation("plot.total", Ui.amount(unit.fromSquareMetres(total)) + " " + unit.code())));
      Image map = new Image(PlotMap.dataUrl(ps), getTranslation("plot.map"));
      map.setId("plot-map");
      map.setMaxWidth("100%");
      add(grid, map);
      var quotas = orders.quotasOf(t, Ui.caller(), f.id());
      if (!quotas.isEmpty()) {
        Grid<org.mu1000.platform.valuechain.application.OrderService.FarmerQuota> qg = new Grid<>();
        qg.setId("farmer-quotas");
        qg.addColumn(q -> q.orderNumber() + " · " + q.buyer()).setHeader(getTranslation("order.number"))
            .setAutoWidth(true);
        qg.addColumn(q -> q.commodity() + " " + q.grade()).setHeader(getTranslation("lot.commodity"));
        qg.addColumn(q -> q.deliveryFrom() + (q.deliveryTo() == null ? "" : " – " + q.deliveryTo()))
            .setHeader(getTranslation("order.from"));
        qg.addColumn(q -> Ui.amount(q.quotaKg())).setHeader(getTranslation("order.quota"));
        qg.addColumn(q -> Ui.amount(q.deliveredKg()))
            .setHeader(getTranslation("order.delivered"));
        qg.setItems(quotas);
        qg.setAllRowsVisible(true);
        add(new com.vaadin.flow.component.html.H3(getTranslation("farmer.quotas")), qg);
      }
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void editDialog(Tenant t, Farmer f) {
    var coops = orgs.cooperatives(t, Ui.caller());
    var progs = orgs.programmes(t, Ui.caller());
    Dialog d = new Dialog();
    FarmerForm form = new FarmerForm(coops, progs, t.config().currency());
    form.fill(f, coops, progs);
    Button save = new Button(getTranslation("action.save"), e -> {
      Ui.clearErrors(form.fields());
      try {
        farmers.update(t, Ui.caller(), f.id(), form.input(), f.version());
        d.close();
        getUI().ifPresent(ui -> ui.getPage().reload());
      } catch (DomainException ex) {
        Ui.show(ex, form.fields());
      }
    });
    d.add(form);
    d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
    d.open();
  }
}
