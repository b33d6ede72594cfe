package org.mu1000.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

@Route(value = "cooperatives", layout = MainLayout.class)
@PageTitle("Mu1000 — cooperatives")
@Dependent
public class CooperativesView extends VerticalLayout {
  @Inject
  public CooperativesView(OrganisationService orgs, TenantService tenants) {
    try {
      Tenant t = Ui.tenant(tenants);
      Grid<Cooperative> grid = new Grid<>(Cooperative.class, false);
      grid.addColumn(Cooperative::name).setHeader(getTranslation("coop.name")).setAutoWidth(true);
      grid.addColumn(Cooperative::registrationNumber).setHeader(getTranslation("coop.registration"));
      grid.addColumn(Cooperative::district).setHeader(getTranslation("coop.district"));
      grid.addColumn(Cooperative::region).setHeader(getTranslation("coop.region"));
      grid.addColumn(c -> c.collectionPoints().stream().map(Cooperative.CollectionPoint::name).reduce((a, b) -> a + ", " + b)
          .orElse("")).setHeader(getTranslation("coop.points"));
      grid.setItems(orgs.cooperatives(t, Ui.caller()));
      Button add = new Button(getTranslation("coops.add"), e -> {
        TextField name = new TextField(getTranslation("coop.name"));
        TextField reg = new TextField(getTranslation("coop.registration"));
        TextField district = new TextField(getTranslation("coop.district"));
        TextField region = new TextField(getTranslation("coop.region"));
        TextField point = new TextField(getTranslation("coop.points"));
        BigDecimalField lat = new BigDecimalField(getTranslation("coop.latitude"));
        BigDecimalField lon = new BigDecimalField(getTranslation("coop.longitude"));
        TextField certs = new TextField(getTranslation("coop.certifications"));
        Ui.formDialog(getTranslation("coops.add"), new FormLayout(name, reg, district, region, point, lat, lon, certs),
            Map.of("name", name, "collectionPoints", lat),
            () -> orgs.create(t, Ui.caller(), new Cooperative(null, name.getValue(), reg.getValue(),
                district.getValue(), region.getValue(), point.isEmpty() ? List.of()
                    : List.of(new Cooperative.CollectionPoint(point.getValue(), lat.getValue(), lon.getValue())),
                List.of(certs.getValue().split(",")), 0)),
            () -> grid.setItems(orgs.cooperatives(t, Ui.caller())));
      });
      add.setVisible(Ui.caller().mayManageCooperatives());
      add(add, grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }
}
