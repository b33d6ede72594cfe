package org.mu1000.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violation;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.security.UiSession;

/** What views share: the signed-in caller, their current tenant, and showing refusals next to the fields. */
public final class Ui {
  private Ui() {}

  public static UiSession session() {
    return UiSession.current().orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHENTICATED, "sign in"));
  }

  public static Caller caller() {
    return session().caller();
  }

  /** The tenant the person works in, checked like the API checks it: member of it, and it is open. */
  public static Tenant tenant(TenantService tenants) {
    String id = session().tenant();
    if (id == null) {
      throw new DomainException(DomainException.Kind.NOT_FOUND, "you are not a member of any tenant");
    }
    Tenant t = tenants.get(id);
    if (!caller().isPlatformAdmin()) {
      TenantService.checkOpen(t);
    }
    return t;
  }

  public static void ok(String message) {
    Notification.show(message, 3000, Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String message) {
    Notification n = Notification.show(message, 6000, Notification.Position.MIDDLE);
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  /** Puts each violation on its field when the form has one; the rest in a notification. */
  public static void show(DomainException e, Map<String, ? extends Component> fields) {
    StringBuilder rest = new StringBuilder();
    for (Violation v : e.violations()) {
      // a form may name a nested field exactly (providers[0].settings.baseUrl), else the field it belongs to
      Component c = fields.containsKey(v.field()) ? fields.get(v.field()) : fields.get(v.field().split("[.\\[]")[0]);
      if (c instanceof HasValidation h) {
        h.setErrorMessage(v.message());
        h.setInvalid(true);
      } else {
        rest.append(v.field()).append(": ").append(v.message()).append('\n');
      }
    }
    if (e.violations().isEmpty() || rest.length() > 0) {
      error(e.violations().isEmpty() ? e.getMessage() : rest.toString().trim());
    }
  }

  /**
   * A dialog with Cancel and Save: Save runs {@code save}; a refusal is shown on the fields, success closes the
   * dialog and runs {@code after}.
   */
  public static com.vaadin.flow.component.dialog.Dialog formDialog(String title, Component form,
      Map<String, ? extends Component> fields, Runnable save, Runnable after) {
    var d = new com.vaadin.flow.component.dialog.Dialog();
    if (title != null) {
      d.setHeaderTitle(title);
    }
    d.add(form);
    var saveButton = new com.vaadin.flow.component.button.Button(form.getTranslation("action.save"), x -> {
      clearErrors(fields);
      try {
        save.run();
        d.close();
        after.run();
      } catch (DomainException ex) {
        show(ex, fields);
      }
    });
    saveButton.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_PRIMARY);
    saveButton.setId("dialog-save");
    d.getFooter().add(new com.vaadin.flow.component.button.Button(form.getTranslation("action.cancel"), x -> d.close()),
        saveButton);
    d.open();
    return d;
  }

  public static void clearErrors(Map<String, ? extends Component> fields) {
    fields.values().forEach(c -> {
      if (c instanceof HasValidation h) {
        h.setInvalid(false);
      }
    });
  }

  /** A number as the user's language writes it (grouping and decimal signs), with {@code decimals} decimals. */
  public static String number(java.math.BigDecimal v, int decimals) {
    if (v == null) {
      return "–";
    }
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(ui == null ? java.util.Locale.ENGLISH
        : ui.getLocale());
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
    return f.format(v);
  }

  /** An amount or weight with the decimals it has (at most 3), as the user's language writes numbers. */
  public static String amount(java.math.BigDecimal v) {
    return v == null ? "–" : number(v, Math.max(0, Math.min(3, v.stripTrailingZeros().scale())));
  }

  /** A date as the user's language writes it. */
  public static String date(java.time.LocalDate d) {
    com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
    return d == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
        .withLocale(ui == null ? java.util.Locale.ENGLISH : ui.getLocale()).format(d);
  }
}
