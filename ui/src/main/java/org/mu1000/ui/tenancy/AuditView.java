package org.mu1000.ui.tenancy;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** Tenant admins read who changed what, newest first, paged lazily. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Mu1000 — audit trail")
@Dependent
public class AuditView extends VerticalLayout {
  @Inject
  public AuditView(AuditTrail audit, TenantService tenants) {
    setSizeFull();
    try {
      Tenant t = Ui.tenant(tenants);
      if (!Ui.caller().mayAdministerTenant()) {
        throw DomainException.forbidden(getTranslation("users.forbidden"));
      }
      Grid<AuditTrail.Entry> grid = new Grid<>();
      grid.addColumn(d -> d.at().toString()).setHeader(getTranslation("audit.at")).setAutoWidth(true);
      grid.addColumn(AuditTrail.Entry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
      grid.addColumn(AuditTrail.Entry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
      grid.addColumn(AuditTrail.Entry::entityId).setHeader("Id").setAutoWidth(true);
      grid.addColumn(d -> summary(d.after(), d.before())).setHeader(getTranslation("audit.change")).setFlexGrow(1);
      grid.setItems(q -> audit.read(t, null, null, q.getPage(), q.getPageSize()).items().stream(),
          q -> (int) audit.read(t, null, null, 0, 1).total());
      grid.setSizeFull();
      add(grid);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private static String summary(java.util.Map<String, Object> after, java.util.Map<String, Object> before) {
    java.util.Map<String, Object> d = after != null ? after : before;
    if (d == null) {
      return "";
    }
    String s = d.entrySet().stream().filter(e -> e.getValue() != null && !"version".equals(e.getKey()))
        .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
