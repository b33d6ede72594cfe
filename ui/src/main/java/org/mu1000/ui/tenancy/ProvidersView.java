package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * Tenant admins: the country's providers (the mobile-money operator farmers are paid through, the SMS gateway that
 * tells them). Secrets are entered, never shown; a secret left empty keeps the stored one.
 */
@Route(value = "providers", layout = MainLayout.class)
@PageTitle("Mu1000 — providers")
@Dependent
public class ProvidersView extends VerticalLayout {
  private final TenantService tenants;
  private final Grid<ProviderConfig> grid = new Grid<>();
  private Tenant tenant;

  @Inject
  public ProvidersView(TenantService tenants) {
    this.tenants = tenants;
    try {
      tenant = Ui.tenant(tenants);
      if (!Ui.caller().mayAdministerTenant()) {
        throw DomainException.forbidden(getTranslation("providers.adminsOnly"));
      }
      grid.setId("providers");
      grid.addColumn(ProviderConfig::family).setHeader(getTranslation("providers.family")).setAutoWidth(true);
      grid.addColumn(ProviderConfig::provider).setHeader(getTranslation("providers.provider")).setAutoWidth(true);
      grid.addColumn(p -> new TreeMap<>(p.settings()).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "))).setHeader(getTranslation("providers.settings")).setFlexGrow(1);
      grid.addColumn(p -> String.join(", ", new TreeMap<>(p.secrets()).keySet()))
          .setHeader(getTranslation("providers.secrets")).setAutoWidth(true);
      grid.setAllRowsVisible(true);
      Button payments = new Button(getTranslation("providers.payments"), e -> edit(ProviderConfig.PAYMENTS));
      payments.setId("configure-payments");
      Button sms = new Button(getTranslation("providers.sms"), e -> edit(ProviderConfig.SMS));
      sms.setId("configure-sms");
      refresh();
      add(new Paragraph(getTranslation("providers.intro")), new HorizontalLayout(payments, sms), grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void refresh() {
    tenant = tenants.get(tenant.id());
    grid.setItems(tenant.config().providers());
  }

  private void edit(String family) {
    Map<String, ProviderConfig.Need> known = ProviderConfig.known(family);
    ProviderConfig current = tenant.config().provider(family).orElse(null);
    ComboBox<String> provider = new ComboBox<>(getTranslation("providers.provider"));
    provider.setId("provider-name");
    provider.setItems(known.keySet());
    provider.setValue(current != null ? current.provider() : known.keySet().iterator().next());
    FormLayout form = new FormLayout(provider);
    Map<String, TextField> settings = new LinkedHashMap<>();
    Map<String, PasswordField> secrets = new LinkedHashMap<>();
    ProviderConfig.Need need = known.get(provider.getValue());
    List<String> settingNames = new ArrayList<>(need.settings());
    settingNames.addAll(need.optional());
    for (String name : settingNames) {
      TextField f = new TextField(name);
      f.setId("setting-" + name);
      f.setValue(current == null || current.setting(name) == null ? "" : current.setting(name));
      settings.put(name, f);
      form.add(f);
    }
    for (String name : need.secrets()) {
      PasswordField f = new PasswordField(name);
      f.setId("secret-" + name);
      f.setPlaceholder(current != null && current.secret(name) != null ? getTranslation("providers.unchanged") : "");
      secrets.put(name, f);
      form.add(f);
    }
    Map<String, Component> fields = new LinkedHashMap<>();
    settings.forEach((k, f) -> fields.put("providers[0].settings." + k, f));
    secrets.forEach((k, f) -> fields.put("providers[0].secrets." + k, f));
    Ui.formDialog(getTranslation(ProviderConfig.PAYMENTS.equals(family) ? "providers.payments" : "providers.sms"),
        form, fields, () -> {
          Map<String, String> s = new LinkedHashMap<>();
          settings.forEach((k, f) -> {
            if (!f.getValue().isBlank()) {
              s.put(k, f.getValue().trim());
            }
          });
          Map<String, String> x = new LinkedHashMap<>();
          secrets.forEach((k, f) -> {
            if (!f.getValue().isEmpty()) {
              x.put(k, f.getValue());
            }
          });
          // the edited provider first, so that a refusal names its fields
          List<ProviderConfig> next = new ArrayList<>(List.of(new ProviderConfig(family, provider.getValue(), s, x)));
          tenant.config().providers().stream().filter(p -> !p.family().equals(family)).forEach(next::add);
          tenants.setProviders(tenant.id(), next, Ui.caller().username());
          Ui.ok(getTranslation("providers.saved"));
        }, this::refresh);
  }
}
