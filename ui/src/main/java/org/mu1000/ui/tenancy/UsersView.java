package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.identity.application.IdentityService;
import org.mu1000.platform.identity.application.IdentityService.TenantUser;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Tenant admins invite people, give them a role and limit them to cooperatives. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Mu1000 — users")
@Dependent
public class UsersView extends VerticalLayout {
  private final IdentityService identity;
  private final Grid<TenantUser> grid = new Grid<>(TenantUser.class, false);
  private Tenant tenant;
  private List<Cooperative> coops;

  @Inject
  public UsersView(IdentityService identity, OrganisationService orgs, TenantService tenants) {
    this.identity = identity;
    try {
      tenant = Ui.tenant(tenants);
      if (!Ui.caller().mayAdministerTenant()) {
        throw DomainException.forbidden(getTranslation("users.forbidden"));
      }
      coops = orgs.cooperatives(tenant, Ui.caller());
      grid.addColumn(TenantUser::username).setHeader(getTranslation("user.username")).setAutoWidth(true);
      grid.addColumn(TenantUser::email).setHeader(getTranslation("user.email")).setAutoWidth(true);
      grid.addColumn(u -> String.join(", ", u.roles())).setHeader(getTranslation("user.role"));
      grid.addColumn(u -> coopNames(u.cooperativeIds())).setHeader(getTranslation("user.coops"));
      grid.addColumn(u -> u.enabled() ? "✓" : "–").setHeader(getTranslation("user.enabled"));
      grid.addItemClickListener(e -> edit(e.getItem()));
      refresh();
      add(new Button(getTranslation("users.invite"), e -> invite()), grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void refresh() {
    grid.setItems(identity.users(tenant.id()));
  }

  private String coopNames(List<String> ids) {
    return coops.stream().filter(c -> ids.contains(c.id())).map(Cooperative::name).reduce((a, b) -> a + ", " + b)
        .orElse("");
  }

  private Select<String> roleSelect() {
    Select<String> role = new Select<>();
    role.setLabel(getTranslation("user.role"));
    role.setItems(IdentityService.PERSON_ROLES.stream().sorted().toList());
    return role;
  }

  private MultiSelectComboBox<Cooperative> coopSelect() {
    MultiSelectComboBox<Cooperative> c = new MultiSelectComboBox<>(getTranslation("user.coops"));
    c.setItems(coops);
    c.setItemLabelGenerator(Cooperative::name);
    return c;
  }

  private void invite() {
    Dialog d = new Dialog();
    TextField username = new TextField(getTranslation("user.username"));
    // each tenant names its own users: the tenant's id and a dot come first
    username.setPrefixComponent(new com.vaadin.flow.component.html.Span(tenant.id() + "."));
    EmailField email = new EmailField(getTranslation("user.email"));
    TextField first = new TextField(getTranslation("farmer.givenName"));
    TextField last = new TextField(getTranslation("farmer.familyName"));
    Select<String> role = roleSelect();
    MultiSelectComboBox<Cooperative> scope = coopSelect();
    PasswordField password = new PasswordField(getTranslation("user.password"));
    d.add(new FormLayout(username, email, first, last, role, scope, password));
    d.getFooter().add(new Button(getTranslation("action.cancel"), x -> d.close()),
        new Button(getTranslation("action.save"), x -> {
          try {
            String name = username.getValue().startsWith(tenant.id() + ".") ? username.getValue()
                : tenant.id() + "." + username.getValue();
            identity.invite(tenant.id(), name, email.getValue(), first.getValue(), last.getValue(),
                role.getValue(), scope.getValue().stream().map(Cooperative::id).toList(),
                password.isEmpty() ? null : password.getValue());
            d.close();
            refresh();
          } catch (DomainException ex) {
            Ui.show(ex, Map.of("role", role));
          }
        }));
    d.open();
  }

  private void edit(TenantUser u) {
    Dialog d = new Dialog();
    d.setHeaderTitle(u.username());
    Select<String> role = roleSelect();
    u.roles().stream().filter(IdentityService.PERSON_ROLES::contains).findFirst().ifPresent(role::setValue);
    MultiSelectComboBox<Cooperative> scope = coopSelect();
    scope.setValue(new HashSet<>(coops.stream().filter(c -> u.cooperativeIds().contains(c.id())).toList()));
    com.vaadin.flow.component.checkbox.Checkbox enabled = new com.vaadin.flow.component.checkbox.Checkbox(
        getTranslation("user.enabled"), u.enabled());
    d.add(new FormLayout(role, scope, enabled));
    d.getFooter().add(new Button(getTranslation("action.cancel"), x -> d.close()),
        new Button(getTranslation("action.save"), x -> {
          try {
            identity.update(tenant.id(), u.id(), role.getValue(),
                scope.getValue().stream().map(Cooperative::id).toList(), enabled.getValue());
            d.close();
            refresh();
          } catch (DomainException ex) {
            Ui.error(ex.getMessage());
          }
        }));
    d.open();
  }
}
