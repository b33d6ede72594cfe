package org.mu1000.ui.traceability;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.traceability.application.QrCodes;
import org.mu1000.platform.valuechain.application.PublicTraceService;

/**
 * The public trace page a consumer's phone opens from the QR code on a bag (GS1 Digital Link path). No sign-in; it
 * shows where the produce came from and what happened to it, never a farmer's name, phone or plot location.
 */
@Route("01/:gtin/10/:lot")
@PageTitle("Mu1000 — where it came from")
@AnonymousAllowed
@Dependent
public class TraceView extends VerticalLayout implements BeforeEnterObserver {
  private final PublicTraceService publicTraces;
  private final TenantRepository tenants;

  @Inject
  public TraceView(PublicTraceService publicTraces, TenantRepository tenants) {
    this.publicTraces = publicTraces;
    this.tenants = tenants;
    setMaxWidth("720px");
    getStyle().set("margin", "0 auto");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String gtin = event.getRouteParameters().get("gtin").orElse("");
    String code = event.getRouteParameters().get("lot").orElse("");
    try {
      PublicTraceService.Located at = publicTraces.byDigitalLink(gtin, code, tenants);
      PublicTraceService.PublicTrace p = publicTraces.publicTrace(at.tenant(), at.lot());
      H1 title = new H1(getTranslation("trace.title", p.commodity()));
      title.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
      add(title);
      Div facts = new Div();
      facts.setId("trace-facts");
      facts.add(fact(getTranslation("trace.lot"), p.lot()),
          fact(getTranslation("trace.grade"), p.grade()),
          fact(getTranslation("trace.weight"), p.kg().stripTrailingZeros().toPlainString() + " kg"),
          fact(getTranslation("trace.harvest"), p.harvestFrom().equals(p.harvestTo()) ? p.harvestFrom().toString()
              : p.harvestFrom() + " – " + p.harvestTo()));
      add(facts);
      add(new H3(getTranslation("trace.origin")));
      UnorderedList origins = new UnorderedList();
      origins.setId("trace-origins");
      p.origins().forEach(o -> origins.add(new ListItem(o.cooperative() + " — " + o.district() + ", " + o.region())));
      add(origins);
      add(new H3(getTranslation("trace.steps")));
      UnorderedList steps = new UnorderedList();
      steps.setId("trace-steps");
      p.steps().forEach(s -> steps.add(new ListItem(day(s.date()) + " · " + getTranslation("step." + s.step())
          + (s.place() == null ? "" : " · " + s.place()))));
      add(steps);
      if (!p.certifications().isEmpty()) {
        add(new H3(getTranslation("trace.certifications")));
        UnorderedList certs = new UnorderedList();
        p.certifications().forEach(c -> certs.add(new ListItem(c)));
        add(certs);
      }
      if (p.paidToFarmers() != null) {
        add(new H3(getTranslation("trace.paid")));
        Span paid = new Span(getTranslation("trace.paidPerKg", p.paidToFarmers().currency(),
            p.paidToFarmers().perKg().toPlainString(), p.paidToFarmers().usdPerKg().toPlainString()));
        paid.setId("trace-paid");
        add(paid);
      }
      Span chain = new Span(p.chainIntact() ? getTranslation("trace.intact") : getTranslation("trace.broken"));
      chain.setId("trace-chain");
      chain.getElement().getThemeList().add(p.chainIntact() ? "badge success" : "badge error");
      add(chain);
      Div qr = new Div(new Html("<div style=\"width:160px\">" + QrCodes.svg(p.digitalLink()) + "</div>"));
      add(qr);
    } catch (DomainException e) {
      Paragraph none = new Paragraph(getTranslation("trace.notFound"));
      none.setId("trace-not-found");
      add(none);
    }
  }

  private static String day(String instant) {
    try {
      return Instant.parse(instant).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    } catch (RuntimeException e) {
      return instant;
    }
  }

  private static Div fact(String label, String value) {
    Span l = new Span(label + ": ");
    l.getStyle().set("color", "var(--lumo-secondary-text-color)");
    return new Div(l, new Span(value));
  }
}
