package org.mu1000.ui.registry;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import java.math.BigDecimal;
import java.util.Map;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

@Route(value = "programmes", layout = MainLayout.class)
@PageTitle("Mu1000 — programmes")
@Dependent
public class ProgrammesView extends VerticalLayout {
  @Inject
  public ProgrammesView(OrganisationService orgs, TenantService tenants) {
    try {
      Tenant t = Ui.tenant(tenants);
      Grid<Programme> grid = new Grid<>(Programme.class, false);
      grid.addColumn(Programme::name).setHeader(getTranslation("programme.name")).setAutoWidth(true);
      grid.addColumn(Programme::commodity).setHeader(getTranslation("programme.commodity"));
      grid.addColumn(p -> p.seasonStart() + " – " + p.seasonEnd()).setHeader(getTranslation("programme.season"));
      grid.addColumn(p -> Ui.amount(p.targetUsdPerMu())).setHeader(getTranslation("programme.target"));
      grid.addColumn(p -> p.baselineUsdPerMu() == null ? "" : Ui.amount(p.baselineUsdPerMu()))
          .setHeader(getTranslation("programme.baseline"));
      grid.setItems(orgs.programmes(t, Ui.caller()));
      Button add = new Button(getTranslation("programmes.add"), e -> {
        TextField name = new TextField(getTranslation("programme.name"));
        TextField commodity = new TextField(getTranslation("programme.commodity"));
        DatePicker start = new DatePicker(getTranslation("programme.start"));
        DatePicker end = new DatePicker(getTranslation("programme.end"));
        BigDecimalField target = new BigDecimalField(getTranslation("programme.target"));
        target.setValue(new BigDecimal("1000"));
        BigDecimalField baseline = new BigDecimalField(getTranslation("programme.baseline"));
        Ui.formDialog(getTranslation("programmes.add"), new FormLayout(name, commodity, start, end, target, baseline),
            Map.of("name", name, "commodity", commodity, "seasonEnd", end, "targetUsdPerMu", target,
                "baselineUsdPerMu", baseline),
            () -> orgs.create(t, Ui.caller(), new Programme(null, name.getValue(), commodity.getValue(),
                start.getValue(), end.getValue(), target.getValue(), baseline.getValue(), 0)),
            () -> grid.setItems(orgs.programmes(t, Ui.caller())));
      });
      add.setVisible(Ui.caller().mayManageCooperatives());
      add(add, grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }
}
