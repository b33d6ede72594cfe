package org.mu1000.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Locale;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.I18n;
import org.mu1000.ui.security.UiSession;
import org.mu1000.ui.tenancy.AuditView;
import org.mu1000.ui.registry.CooperativesView;
import org.mu1000.ui.registry.FarmerListView;
import org.mu1000.ui.registry.FarmerView;
import org.mu1000.ui.impact.ImpactView;
import org.mu1000.ui.registry.ImportView;
import org.mu1000.ui.valuechain.IntakeView;
import org.mu1000.ui.valuechain.LotsView;
import org.mu1000.ui.valuechain.OrdersView;
import org.mu1000.ui.registry.ProgrammesView;
import org.mu1000.ui.tenancy.TenantsView;
import org.mu1000.ui.tenancy.UsersView;
import org.mu1000.ui.tenancy.WebhooksView;

/** The frame of every signed-in page: navigation by role, the tenant being worked in, language, sign-out. */
@Dependent
public class MainLayout extends AppLayout implements BeforeEnterObserver {
  private final TenantService tenants;
  private boolean built;

  @Inject
  public MainLayout(TenantService tenants) {
    this.tenants = tenants;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var session = UiSession.current();
    if (session.isEmpty()) {
      event.forwardTo(SignInView.class, com.vaadin.flow.router.QueryParameters.of("target",
          "/" + event.getLocation().getPathWithQueryParameters()));
      return;
    }
    Caller c = session.get().caller();
    boolean inTenant = session.get().tenant() != null;
    Class<?> target = event.getNavigationTarget();
    Page page = PAGES.stream().filter(p -> p.view() == target || p.alsoFor() == target).findFirst().orElse(null);
    if (page != null && !page.allowed(c, inTenant)) {
      // a route the role may not see is never rendered: the person lands on the dashboard, or the first page they may see
      PAGES.stream().filter(p -> p.allowed(c, inTenant))
          .min(java.util.Comparator.comparing(p -> p.view() == ImpactView.class ? 0 : 1))
          .ifPresentOrElse(p -> event.forwardTo(p.view()), () -> event.forwardTo(SignInView.class));
      return;
    }
    if (!built) {
      built = true;
      build(session.get());
    }
  }

  /** A page of the menu and who may open it; the same rule hides the menu entry and refuses the route. */
  private record Page(String key, Class<? extends com.vaadin.flow.component.Component> view, Class<?> alsoFor,
      boolean needsTenant, java.util.function.Predicate<Caller> may) {
    boolean allowed(Caller c, boolean inTenant) {
      return (inTenant || !needsTenant) && may.test(c);
    }
  }

  private static final java.util.List<Page> PAGES = java.util.List.of(
      new Page("nav.farmers", FarmerListView.class, FarmerView.class, true, Caller::mayReadRegistry),
      new Page("nav.cooperatives", CooperativesView.class, null, true, Caller::mayReadProgrammes),
      new Page("nav.programmes", ProgrammesView.class, null, true, Caller::mayReadProgrammes),
      new Page("nav.intake", IntakeView.class, null, true, Caller::mayHandleLots),
      new Page("nav.lots", LotsView.class, null, true, c -> c.mayReadRegistry() || c.mayReadOrders()),
      new Page("nav.orders", OrdersView.class, null, true, Caller::mayReadOrders),
      new Page("nav.payouts", org.mu1000.ui.finance.PayoutsView.class, null, true, Caller::mayPay),
      new Page("nav.loans", org.mu1000.ui.finance.LoansView.class, null, true, Caller::mayPay),
      new Page("nav.ledger", org.mu1000.ui.finance.LedgerView.class, null, true, Caller::mayAdministerTenant),
      new Page("nav.impact", ImpactView.class, null, true, Caller::mayReadImpact),
      new Page("nav.training", org.mu1000.ui.training.TrainingView.class, null, true, Caller::mayReadProgrammes),
      new Page("nav.import", ImportView.class, null, true, Caller::mayImport),
      new Page("nav.users", UsersView.class, null, true, Caller::mayAdministerTenant),
      new Page("nav.providers", org.mu1000.ui.tenancy.ProvidersView.class, null, true, Caller::mayAdministerTenant),
      new Page("nav.webhooks", WebhooksView.class, null, true, Caller::mayAdministerTenant),
      new Page("nav.audit", AuditView.class, null, true, Caller::mayAdministerTenant),
      new Page("nav.tenants", TenantsView.class, null, false, Caller::isPlatformAdmin));

  private void build(UiSession s) {
    Caller c = s.caller();
    UI ui = UI.getCurrent();
    H1 title = new H1("Mu1000");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

    HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.setWidthFull();
    bar.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)").set("padding-right", "var(--lumo-space-m)");

    var tenantsOfCaller = s.identity().tenants();
    if (c.isPlatformAdmin() || tenantsOfCaller.size() > 1) {
      ComboBox<String> tenant = new ComboBox<>();
      tenant.setId("tenant-switch");
      tenant.setItems(c.isPlatformAdmin() ? tenants.list().stream().map(Tenant::id).toList()
          : tenantsOfCaller.stream().sorted().toList());
      tenant.setValue(s.tenant());
      tenant.setPlaceholder(getTranslation("layout.tenant"));
      tenant.setWidth("10em");
      tenant.addValueChangeListener(e -> {
        if (e.getValue() != null) {
          s.tenant(e.getValue());
          ui.getPage().reload();
        }
      });
      bar.add(tenant);
    } else if (s.tenant() != null) {
      bar.add(new Span(s.tenant()));
    }
    Select<Locale> language = new Select<>();
    language.setId("language");
    language.setItems(I18n.LOCALES);
    language.setItemLabelGenerator(l -> switch (l.getLanguage()) {
      case "fr" -> "Français";
      case "rw" -> "Kinyarwanda";
      case "am" -> "አማርኛ";
      case "zh" -> "中文";
      default -> "English";
    });
    language.setValue(I18n.LOCALES.stream().filter(l -> l.getLanguage().equals(ui.getLocale().getLanguage()))
        .findFirst().orElse(Locale.ENGLISH));
    language.setWidth("9em");
    language.addValueChangeListener(e -> {
      VaadinSession.getCurrent().setAttribute(org.mu1000.ui.LocaleChooser.SESSION_KEY, e.getValue());
      ui.setLocale(e.getValue());
      ui.getPage().reload();
    });
    Span who = new Span(c.username());
    who.getStyle().set("margin-left", "auto");
    Anchor out = new Anchor("/logout", getTranslation("layout.signout"));
    out.setRouterIgnore(true);
    bar.add(language, who, out);
    addToNavbar(true, bar);

    SideNav nav = new SideNav();
    for (Page p : PAGES) {
      if (p.allowed(c, s.tenant() != null)) {
        nav.addItem(new SideNavItem(getTranslation(p.key()), p.view()));
      }
    }
    addToDrawer(nav);
  }
}
