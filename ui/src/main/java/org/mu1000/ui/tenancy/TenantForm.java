package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.kernel.FxRate;
import org.mu1000.platform.tenancy.domain.TenantConfig;

/** A tenant's configuration fields, for creating and editing; the service checks the values. */
class TenantForm extends FormLayout {
  final TextField id = new TextField("Id");
  final TextField name = new TextField();
  final TextField country = new TextField();
  final TextField currency = new TextField();
  final Select<AreaUnit> unit = new Select<>();
  final TextField languages = new TextField();
  final TextField zone = new TextField();
  final BigDecimalField poverty = new BigDecimalField();
  final BigDecimalField maxPlot = new BigDecimalField();
  private List<FxRate> fx = List.of();

  TenantForm() {
    name.setLabel(getTranslation("tenant.name"));
    country.setLabel(getTranslation("tenant.country"));
    currency.setLabel(getTranslation("tenant.currency"));
    unit.setLabel(getTranslation("tenant.areaUnit"));
    unit.setItems(AreaUnit.values());
    unit.setItemLabelGenerator(AreaUnit::code);
    unit.setValue(AreaUnit.MU);
    languages.setLabel(getTranslation("tenant.languages"));
    zone.setLabel(getTranslation("tenant.timezone"));
    poverty.setLabel(getTranslation("tenant.povertyLine"));
    maxPlot.setLabel(getTranslation("tenant.maxPlotAreaHa"));
    maxPlot.setPlaceholder("1000");
    id.setId("tenant-id");
    name.setId("tenant-name");
    country.setId("tenant-country");
    currency.setId("tenant-currency");
    languages.setId("tenant-languages");
    zone.setId("tenant-timezone");
    poverty.setId("tenant-poverty");
    maxPlot.setId("tenant-max-plot");
    add(id, name, country, currency, unit, languages, zone, poverty, maxPlot);
  }

  void fill(TenantConfig c) {
    id.setValue(c.id());
    name.setValue(c.name());
    country.setValue(c.country());
    currency.setValue(c.currency());
    unit.setValue(c.areaUnit());
    languages.setValue(String.join(",", c.languages()));
    zone.setValue(c.timezone());
    poverty.setValue(c.povertyLine());
    maxPlot.setValue(c.maxPlotAreaHa());
    fx = c.fxRates();
  }

  TenantConfig config() {
    return new TenantConfig(id.getValue(), name.getValue(), country.getValue(), currency.getValue(), unit.getValue(),
        Arrays.stream(languages.getValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
        zone.getValue(), poverty.getValue(), fx, null, maxPlot.getValue());
  }

  Map<String, Component> fields() {
    return Map.of("id", id, "name", name, "country", country, "currency", currency, "languages", languages,
        "timezone", zone, "povertyLine", poverty, "maxPlotAreaHa", maxPlot);
  }
}
