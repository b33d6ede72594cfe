package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Platform admins: every tenant, create one from a template or from scratch, suspend, resume, export, delete. */
@Route(value = "platform/tenants", layout = MainLayout.class)
@PageTitle("Mu1000 — tenants")
@Dependent
public class TenantsView extends VerticalLayout {
  private final TenantService tenants;
  private final Grid<Tenant> grid = new Grid<>(Tenant.class, false);

  @Inject
  public TenantsView(TenantService tenants) {
    this.tenants = tenants;
    if (!Ui.caller().isPlatformAdmin()) {
      add(new Paragraph(getTranslation("tenants.forbidden")));
      return;
    }
    grid.setId("tenants-grid");
    grid.addColumn(Tenant::id).setHeader("Id").setAutoWidth(true);
    grid.addColumn(t -> t.config().name()).setHeader(getTranslation("tenant.name")).setAutoWidth(true);
    grid.addColumn(t -> t.config().country()).setHeader(getTranslation("tenant.country"));
    grid.addColumn(t -> t.config().currency()).setHeader(getTranslation("tenant.currency"));
    grid.addColumn(t -> t.status().code()).setHeader(getTranslation("tenant.status"));
    grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
    Button create = new Button(getTranslation("tenants.create"), e -> create());
    create.setId("create-tenant");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    refresh();
    add(create, grid);
  }

  private void refresh() {
    grid.setItems(tenants.list());
  }

  private HorizontalLayout actions(Tenant t) {
    String me = Ui.caller().username();
    Button toggle = t.status() == org.mu1000.platform.tenancy.domain.TenantStatus.ACTIVE
        ? new Button(getTranslation("tenants.suspend"), e -> run(() -> tenants.suspend(t.id(), null, me)))
        : new Button(getTranslation("tenants.resume"), e -> run(() -> tenants.resume(t.id(), me)));
    Anchor export = new Anchor(new StreamResource("mu1000-" + t.id() + "-export.zip", () -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      tenants.export(t.id(), out, me);
      return new ByteArrayInputStream(out.toByteArray());
    }), getTranslation("tenants.export"));
    export.getElement().setAttribute("download", true);
    Button delete = new Button(getTranslation("tenants.delete"), e -> {
      Tenant requested = tenants.requestDeletion(t.id(), me);
      Dialog d = new Dialog();
      d.setHeaderTitle(getTranslation("tenants.delete.confirm", t.id()));
      TextField code = new TextField(getTranslation("tenants.delete.code", requested.deletionCode()));
      d.add(code);
      d.getFooter().add(new Button(getTranslation("action.cancel"), x -> {
        tenants.resume(t.id(), me);
        d.close();
        refresh();
      }), new Button(getTranslation("tenants.delete"), x -> {
        run(() -> tenants.confirmDeletion(t.id(), code.getValue(), me));
        d.close();
      }));
      d.open();
      refresh();
    });
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
    Button edit = new Button(getTranslation("tenants.edit"), e -> edit(t));
    toggle.setId("toggle-" + t.id());
    return new HorizontalLayout(edit, toggle, export, delete);
  }

  private void run(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      Ui.error(e.getMessage());
    }
    refresh();
  }

  private void edit(Tenant t) {
    TenantForm form = new TenantForm();
    form.fill(t.config());
    form.id.setReadOnly(true);
    Ui.formDialog(getTranslation("tenants.edit") + " " + t.id(), form, form.fields(),
        () -> tenants.update(t.id(), form.config(), t.version(), Ui.caller().username()), this::refresh);
  }

  private void create() {
    ComboBox<TenantConfig> template = new ComboBox<>(getTranslation("tenant.template"));
    template.setItems(tenants.templates());
    template.setItemLabelGenerator(c -> c.id() + " — " + c.name());
    TenantForm form = new TenantForm();
    TextField admin = new TextField(getTranslation("tenant.admin"));
    EmailField adminEmail = new EmailField(getTranslation("user.email"));
    Checkbox demo = new Checkbox(getTranslation("tenant.demo"));
    template.addValueChangeListener(e -> {
      if (e.getValue() != null) {
        form.fill(e.getValue());
      }
    });
    form.addComponentAsFirst(template);
    form.add(admin, adminEmail, demo);
    Ui.formDialog(getTranslation("tenants.create"), form, form.fields(), () -> {
      Tenant.FirstAdmin first = admin.isEmpty() ? null : new Tenant.FirstAdmin(admin.getValue(), adminEmail.getValue());
      tenants.create(template.getValue() == null ? null : template.getValue().id(), form.config(), first, null,
          demo.getValue(), Ui.caller().username());
    }, this::refresh);
  }
}
