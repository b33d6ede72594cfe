package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.webhooks.application.WebhookService;
import org.mu1000.platform.webhooks.domain.DeadLetter;
import org.mu1000.platform.webhooks.domain.Subscription;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Tenant admins: webhook subscriptions, and the deliveries that failed after the last retry, to replay. */
@Route(value = "webhooks", layout = MainLayout.class)
@PageTitle("Mu1000 — webhooks")
@Dependent
public class WebhooksView extends VerticalLayout {
  static final List<String> EVENTS = List.of("farmer.created", "farmer.updated", "farmer.deleted", "plot.created",
      "plot.updated", "plot.deleted");
  private final WebhookService webhooks;
  private final Grid<Subscription> subs = new Grid<>(Subscription.class, false);
  private final Grid<DeadLetter> dead = new Grid<>(DeadLetter.class, false);
  private Tenant tenant;

  @Inject
  public WebhooksView(WebhookService webhooks, TenantService tenants) {
    this.webhooks = webhooks;
    try {
      tenant = Ui.tenant(tenants);
      subs.addColumn(Subscription::url).setHeader("URL").setAutoWidth(true);
      subs.addColumn(s -> String.join(", ", s.eventTypes())).setHeader(getTranslation("webhooks.events"));
      subs.addComponentColumn(s -> new Button(getTranslation("tenants.delete"), e -> {
        webhooks.delete(tenant, Ui.caller(), s.id());
        refresh();
      })).setAutoWidth(true);
      subs.setAllRowsVisible(true);
      dead.setId("dead-letters");
      dead.addColumn(d -> d.failedAt() == null ? "" : d.failedAt().toString()).setHeader(getTranslation("webhooks.failedAt"))
          .setAutoWidth(true);
      dead.addColumn(DeadLetter::eventType).setHeader(getTranslation("webhooks.events"));
      dead.addColumn(DeadLetter::url).setHeader("URL");
      dead.addColumn(DeadLetter::attempts).setHeader(getTranslation("webhooks.attempts"));
      dead.addColumn(DeadLetter::error).setHeader(getTranslation("webhooks.error")).setFlexGrow(1);
      dead.addComponentColumn(d -> new Button(getTranslation("webhooks.replay"), e -> {
        try {
          webhooks.replay(tenant, Ui.caller(), d.id());
          Ui.ok(getTranslation("webhooks.replayed"));
        } catch (DomainException ex) {
          Ui.error(ex.getMessage());
        }
        refresh();
      })).setAutoWidth(true);
      Button add = new Button(getTranslation("webhooks.add"), e -> add());
      add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      refresh();
      add(add, subs, new H3(getTranslation("webhooks.dead")), dead);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void refresh() {
    subs.setItems(webhooks.list(tenant, Ui.caller()));
    dead.setItems(webhooks.deadLetters(tenant, Ui.caller()));
  }

  private void add() {
    TextField url = new TextField("URL");
    url.setWidthFull();
    PasswordField secret = new PasswordField(getTranslation("webhooks.secret"));
    MultiSelectComboBox<String> events = new MultiSelectComboBox<>(getTranslation("webhooks.events"));
    events.setItems(EVENTS);
    Ui.formDialog(getTranslation("webhooks.add"), new FormLayout(url, secret, events),
        Map.of("url", url, "secret", secret, "eventTypes", events),
        () -> webhooks.create(tenant, Ui.caller(), url.getValue(), secret.getValue(), List.copyOf(events.getValue()),
            true),
        this::refresh);
  }
}
