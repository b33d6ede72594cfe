package org.mu1000.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Farmers of the tenant (or of the person's cooperatives): filter, page lazily, add and edit. */
@Route(value = "farmers", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Mu1000 — farmers")
@Dependent
public class FarmerListView extends VerticalLayout {
  private final FarmerService farmers;
  private final OrganisationService orgs;
  private final TenantService tenants;
  private final Grid<Farmer> grid = new Grid<>(Farmer.class, false);
  private final ComboBox<Cooperative> coop = new ComboBox<>();
  private final ComboBox<Programme> programme = new ComboBox<>();
  private final Select<Sex> sex = new Select<>();
  private final TextField name = new TextField();
  private Tenant tenant;
  private List<Cooperative> coops = List.of();
  private List<Programme> progs = List.of();

  @Inject
  public FarmerListView(FarmerService farmers, OrganisationService orgs, TenantService tenants) {
    this.farmers = farmers;
    this.orgs = orgs;
    this.tenants = tenants;
    setSizeFull();
    try {
      tenant = Ui.tenant(tenants);
      coops = orgs.cooperatives(tenant, Ui.caller());
      progs = orgs.programmes(tenant, Ui.caller());
    } catch (DomainException e) {
      add(new com.vaadin.flow.component.html.Paragraph(e.getMessage()));
      return;
    }
    name.setPlaceholder(getTranslation("farmers.search"));
    name.setId("farmer-search");
    name.setValueChangeMode(ValueChangeMode.LAZY);
    name.setClearButtonVisible(true);
    coop.setPlaceholder(getTranslation("farmer.cooperative"));
    coop.setItems(coops);
    coop.setItemLabelGenerator(Cooperative::name);
    coop.setClearButtonVisible(true);
    programme.setPlaceholder(getTranslation("farmer.programmes"));
    programme.setItems(progs);
    programme.setItemLabelGenerator(Programme::name);
    programme.setClearButtonVisible(true);
    sex.setEmptySelectionAllowed(true);
    sex.setEmptySelectionCaption(getTranslation("farmer.sex"));
    sex.setItems(Sex.values());
    sex.setItemLabelGenerator(x -> x == null ? getTranslation("farmer.sex") : getTranslation("sex." + x.code()));
    name.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    coop.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    programme.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    sex.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
    Button add = new Button(getTranslation("farmers.add"), e -> edit(null));
    add.setId("add-farmer");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.setVisible(Ui.caller().mayWriteRegistry());
    HorizontalLayout filters = new HorizontalLayout(name, coop, programme, sex, add);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.getStyle().set("flex-wrap", "wrap");
    filters.setWidthFull();

    grid.setId("farmers-grid");
    grid.addColumn(Farmer::familyName).setHeader(getTranslation("farmer.familyName")).setKey("familyName")
        .setSortable(true).setAutoWidth(true);
    grid.addColumn(Farmer::givenName).setHeader(getTranslation("farmer.givenName")).setKey("givenName")
        .setSortable(true).setAutoWidth(true);
    grid.addColumn(f -> getTranslation("sex." + f.sex().code())).setHeader(getTranslation("farmer.sex"));
    grid.addColumn(f -> coops.stream().filter(c -> c.id().equals(f.cooperativeId())).map(Cooperative::name)
        .findFirst().orElse(f.cooperativeId())).setHeader(getTranslation("farmer.cooperative")).setAutoWidth(true);
    grid.addColumn(Farmer::msisdn).setHeader(getTranslation("farmer.msisdn")).setAutoWidth(true);
    grid.addColumn(Farmer::householdSize).setHeader(getTranslation("farmer.householdSize")).setKey("householdSize")
        .setSortable(true);
    grid.setItems(q -> {
      String sort = q.getSortOrders().isEmpty() ? null : q.getSortOrders().get(0).getSorted() + ","
          + (q.getSortOrders().get(0).getDirection() == SortDirection.ASCENDING ? "asc" : "desc");
      return page(q.getPage(), q.getPageSize(), sort).items().stream();
    }, q -> (int) page(0, 1, null).total());
    grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(FarmerView.class, new com.vaadin.flow.router.RouteParameters("id", e.getItem().id()))));
    grid.setSizeFull();
    add(filters, grid);
  }

  private org.mu1000.platform.registry.domain.RegistryRepository.Page<Farmer> page(int page, int size, String sort) {
    return farmers.list(tenant, Ui.caller(), coop.getValue() == null ? null : coop.getValue().id(),
        programme.getValue() == null ? null : programme.getValue().id(), sex.getValue(), name.getValue(), sort, page,
        size);
  }

  private void edit(Farmer existing) {
    Dialog d = new Dialog();
    d.setHeaderTitle(getTranslation(existing == null ? "farmers.add" : "farmers.edit"));
    FarmerForm form = new FarmerForm(coops, progs, tenant.config().currency());
    if (existing != null) {
      form.fill(existing, coops, progs);
    }
    Button save = new Button(getTranslation("action.save"), e -> {
      Ui.clearErrors(form.fields());
      try {
        Farmer saved = existing == null ? farmers.create(tenant, Ui.caller(), form.input())
            : farmers.update(tenant, Ui.caller(), existing.id(), form.input(), existing.version());
        d.close();
        grid.getDataProvider().refreshAll();
        Ui.ok(getTranslation("farmers.saved", saved.displayName()));
      } catch (DomainException ex) {
        Ui.show(ex, form.fields());
      }
    });
    save.setId("save-farmer");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    d.add(form);
    d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), save);
    d.setWidth("min(720px, 100vw)");
    d.open();
  }
}
