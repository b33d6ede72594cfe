package org.mu1000.ui.impact;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.finance.application.LoanPortfolio;
import org.mu1000.platform.impact.application.ImpactFigures;
import org.mu1000.platform.impact.application.ImpactRebuild;
import org.mu1000.platform.impact.application.JobsService;
import org.mu1000.platform.impact.application.Reports;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.impact.domain.TrainedFarmers;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.components.Charts;
import org.mu1000.ui.components.PlotMap;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/** The programme dashboard: USD per mu against the target, live from the rollups, with server-drawn charts. */
@Route(value = "impact", layout = MainLayout.class)
@PageTitle("Mu1000 — impact")
@Dependent
public class ImpactView extends VerticalLayout {
  private final ImpactFigures impact;
  private final ImpactRebuild recomputation;
  private final OrganisationService orgs;
  private final LoanPortfolio loans;
  private final Reports reports;
  private final JobsService jobs;
  private final TrainedFarmers trained;
  private final Div body = new Div();
  private Tenant tenant;

  @Inject
  public ImpactView(ImpactFigures impact, ImpactRebuild recomputation, OrganisationService orgs,
      TenantService tenants, LoanPortfolio loans, Reports reports, JobsService jobs, TrainedFarmers trained) {
    this.jobs = jobs;
    this.trained = trained;
    this.loans = loans;
    this.reports = reports;
    this.impact = impact;
    this.recomputation = recomputation;
    this.orgs = orgs;
    try {
      tenant = Ui.tenant(tenants);
      List<Programme> programmes = orgs.programmes(tenant, Ui.caller());
      Select<Programme> programme = new Select<>();
      programme.setId("impact-programme");
      programme.setLabel(getTranslation("impact.programme"));
      programme.setItems(programmes);
      programme.setItemLabelGenerator(Programme::name);
      Select<String> season = new Select<>();
      season.setId("impact-season");
      season.setLabel(getTranslation("impact.season"));
      int year = LocalDate.now().getYear();
      season.setItems(String.valueOf(year), String.valueOf(year - 1), String.valueOf(year - 2));
      season.setValue(String.valueOf(year));
      Button recompute = new Button(getTranslation("impact.recompute"));
      recompute.setId("impact-recompute");
      recompute.setVisible(Ui.caller().mayAdministerTenant());
      recompute.addClickListener(e -> {
        try {
          ImpactRebuild.Rebuilt r = recomputation.rebuild(tenant, Ui.caller());
          Ui.ok(getTranslation("impact.recomputed", r.lots(), r.millis(), r.identical()
              ? getTranslation("impact.identical") : getTranslation("impact.different", r.differences())));
          show(programme.getValue(), season.getValue());
        } catch (DomainException x) {
          Ui.error(x.getMessage());
        }
      });
      programme.addValueChangeListener(e -> show(e.getValue(), season.getValue()));
      season.addValueChangeListener(e -> show(programme.getValue(), e.getValue()));
      HorizontalLayout bar = new HorizontalLayout(programme, season, recompute);
      bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
      bar.getStyle().set("flex-wrap", "wrap");
      body.setWidthFull();
      add(bar, body);
      if (!programmes.isEmpty()) {
        programme.setValue(programmes.get(0));
      }
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
    }
  }

  private void show(Programme p, String season) {
    body.removeAll();
    if (p == null || season == null) {
      return;
    }
    ImpactFigures.Figures f = impact.figures(tenant, Ui.caller(), p.id(), season, "programme", null);
    List<ImpactFigures.Figures> coopFigures = impact.cooperatives(tenant, Ui.caller(), p.id(), season);
    List<Cooperative> coops = orgs.cooperatives(tenant, Ui.caller());
    if (f.suppressed()) {
      Paragraph few = new Paragraph(getTranslation("impact.suppressed"));
      few.setId("impact-suppressed");
      body.add(few);
      mapAndReports(coopFigures, coops);
      return;
    }
    BigDecimal perMu = f.usdPerMu() == null ? BigDecimal.ZERO : f.usdPerMu();
    BigDecimal target = f.targetUsdPerMu();
    H2 headline = new H2(getTranslation("impact.headline", Ui.number(perMu, 2), Ui.number(target, 0)));
    headline.setId("impact-usd-per-mu");
    ProgressBar progress = new ProgressBar(0, 1, Math.min(1, perMu.divide(target, 4, RoundingMode.HALF_EVEN)
        .doubleValue()));
    progress.setWidth("min(640px, 100%)");
    FlexLayout tiles = new FlexLayout();
    tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    tiles.getStyle().set("gap", "var(--lumo-space-m)");
    tiles.add(tile("impact-value", getTranslation("impact.value"), "USD " + Ui.number(f.usd(), 2)),
        tile("impact-kg", getTranslation("impact.kg"), Ui.number(f.kg(), Math.max(0, Math.min(3, f.kg()
            .stripTrailingZeros().scale()))) + " kg"),
        tile("impact-area", getTranslation("impact.area"), Ui.number(tenant.config().areaUnit()
            .fromSquareMetres(f.areaM2()), 2) + " " + tenant.config().areaUnit().code()),
        tile("impact-farmers", getTranslation("impact.farmers"), String.valueOf(f.farmers())),
        tile("impact-women", getTranslation("impact.women"), f.farmers() == 0 ? "–"
            : Ui.number(BigDecimal.valueOf(f.women() * 100L).divide(BigDecimal.valueOf(f.farmers()), 1,
                RoundingMode.HALF_EVEN), 1) + " %"),
        tile("impact-crossed", getTranslation("impact.crossed"), String.valueOf(f.crossed())),
        tile("impact-paid", getTranslation("impact.paid"), tenant.config().currency() + " "
            + Ui.number(f.paid(), f.paid().stripTrailingZeros().scale() > 0 ? 2 : 0)),
        tile("impact-crossed-paid", getTranslation("impact.crossedOnPayouts"), String.valueOf(f.crossedOnPayouts())));
    try {
      LoanPortfolio.Portfolio book = loans.portfolio(tenant, Ui.caller(), p.id());
      tiles.add(tile("impact-par30", getTranslation("impact.par30"), Ui.number(book.par30Percent(), 2) + " %"),
          tile("impact-loans", getTranslation("impact.loans"), tenant.config().currency() + " "
              + Ui.number(book.outstanding(), book.outstanding().stripTrailingZeros().scale() > 0 ? 2 : 0)));
    } catch (DomainException x) {
      // a role that may not see the loan book sees the rest of the dashboard
    }
    JobsService.Summary work = jobs.summary(tenant, Ui.caller(), p.id());
    int trainedFarmers = trained.bySex(tenant, p.id()).values().stream().mapToInt(Integer::intValue).sum();
    tiles.add(tile("impact-jobs", getTranslation("impact.jobs"), work.jobs() + (work.womenShare() == null ? ""
        : " · " + Ui.number(work.womenShare().movePointRight(2), 1) + " % ♀")),
        tile("impact-trained", getTranslation("impact.trained"), String.valueOf(trainedFarmers)));
    body.add(headline, progress, tiles);

    // monthly trend: cumulative USD per mu of the programme's enrolled area
    List<String> months = new ArrayList<>();
    List<BigDecimal> cumulative = new ArrayList<>();
    BigDecimal running = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> m : f.usdByMonth().entrySet()) {
      running = running.add(m.getValue());
      months.add(m.getKey());
      BigDecimal v = Impact.usdPerMu(running, f.areaM2());
      cumulative.add(v == null ? BigDecimal.ZERO : Impact.cents(v));
    }
    body.add(chart("chart-trend", Charts.bars(getTranslation("impact.chart.trend"), months, cumulative, target,
        getTranslation("impact.target"))));
    List<BigDecimal> bands = f.bands().stream().map(BigDecimal::valueOf).toList();
    body.add(chart("chart-bands", Charts.bars(getTranslation("impact.chart.bands"), Impact.bandLabels(target),
        bands, null, null)));
    List<String> names = new ArrayList<>();
    List<BigDecimal> perCoop = new ArrayList<>();
    Map<String, String> coopNames = new java.util.HashMap<>();
    coops.forEach(c -> coopNames.put(c.id(), c.name()));
    for (ImpactFigures.Figures c : coopFigures) {
      if (!c.suppressed() && (c.areaM2().signum() > 0 || c.lots() > 0)) {
        names.add(shortName(coopNames.getOrDefault(c.id(), c.id())));
        perCoop.add(c.usdPerMu() == null ? BigDecimal.ZERO : Impact.cents(c.usdPerMu()));
      }
    }
    body.add(chart("chart-coops", Charts.bars(getTranslation("impact.chart.coops"), names, perCoop, target,
        getTranslation("impact.target"))));
    mapAndReports(coopFigures, coops);
  }

  /** Where the cooperatives are, with their figure (or "< 5"), and the report builder. */
  private void mapAndReports(List<ImpactFigures.Figures> coopFigures, List<Cooperative> coops) {
    List<PlotMap.Marker> markers = new ArrayList<>();
    Map<String, ImpactFigures.Figures> byCoop = new java.util.HashMap<>();
    coopFigures.forEach(c -> byCoop.put(c.id(), c));
    for (Cooperative coop : coops) {
      ImpactFigures.Figures c = byCoop.get(coop.id());
      if (c == null || coop.collectionPoints().isEmpty() || coop.collectionPoints().get(0).latitude() == null
          || (!c.suppressed() && c.areaM2().signum() == 0 && c.lots() == 0)) {
        continue;
      }
      var point = coop.collectionPoints().get(0);
      markers.add(new PlotMap.Marker(shortName(coop.name()), point.latitude().doubleValue(),
          point.longitude().doubleValue(), c.suppressed() ? "< 5" : Ui.number(c.usdPerMu(), 2) + " USD/mu"));
    }
    body.add(chart("map-coops", PlotMap.cooperatives(getTranslation("impact.map"), markers)));
    body.add(new ReportBuilder(reports, tenant, orgs.programmes(tenant, Ui.caller())));
  }

  private static String shortName(String name) {
    return name.length() <= 18 ? name : name.substring(0, 17) + "…";
  }

  private static Div tile(String id, String label, String value) {
    Span v = new Span(value);
    v.setId(id);
    v.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
    Span l = new Span(label);
    l.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
    Div d = new Div(v, new Div(l));
    d.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
        .set("background", "var(--lumo-contrast-5pct)").set("min-width", "9em");
    return d;
  }

  private static Div chart(String id, String svg) {
    Div d = new Div(new Html("<div>" + svg + "</div>"));
    d.setId(id);
    d.setWidthFull();
    return d;
  }

}
