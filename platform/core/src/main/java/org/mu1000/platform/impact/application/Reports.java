package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.impact.domain.LoanBook;
import org.mu1000.platform.impact.domain.TrainedFarmers;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The report builder: for a period, programmes and indicators, the figures of each programme's seasons in the period
 * (the API's, rounded as it rounds them) and its cooperatives' USD per mu, as a PDF with the dashboard's chart or as
 * an XLSX of the same figures, in one of the UI's languages. For a donor, a figure computed from fewer than
 * {@link ImpactFigures#SMALL_CELL} farmers is "&lt; 5", and only the programmes their funder funds are there.
 */
@ApplicationScoped
public class Reports {
  public static final List<String> INDICATORS = List.of("usdPerMu", "valueUsd", "farmers", "womenShare", "crossed",
      "crossedOnPayouts", "paidToFarmers", "loansDisbursed", "trainedFarmers", "usdPerMuTrained",
      "usdPerMuNotYetTrained", "jobs", "jobsWomenShare");
  public static final Set<String> LANGUAGES = Set.of("en", "fr", "rw", "am", "zh");
  /** Indicators computed from the farmers who delivered: hidden where the figures are suppressed for a donor. */
  static final Set<String> FROM_FARMERS = Set.of("usdPerMu", "valueUsd", "farmers", "womenShare", "crossed",
      "crossedOnPayouts", "paidToFarmers", "trainedFarmers");

  private ImpactFigures figures;
  private FundingService funding;
  private JobsService jobs;
  private LoanBook loans;
  private TrainedFarmers trained;
  private Registry registry;
  private String fontDir;

  protected Reports() {}

  @Inject
  public Reports(ImpactFigures figures, FundingService funding, JobsService jobs, LoanBook loans,
      TrainedFarmers trained, Registry registry,
      @ConfigProperty(name = "mu1000.fonts.dir", defaultValue = "/usr/share/fonts") String fontDir) {
    this.figures = figures;
    this.funding = funding;
    this.jobs = jobs;
    this.loans = loans;
    this.trained = trained;
    this.registry = registry;
    this.fontDir = fontDir;
  }

  /** What a report covers. */
  public record Request(LocalDate from, LocalDate to, List<String> programmeIds, List<String> indicators,
      String language) {}

  /** One figure: its indicator, the season, and the value as text (already formatted, or "< 5"). */
  public record Cell(String indicator, String season, String value, BigDecimal number) {}

  /** A cooperative's bar of the chart. */
  public record Bar(String label, BigDecimal usdPerMu) {}

  public record Section(String programme, String currency, BigDecimal target, List<Cell> cells,
      Map<String, List<Bar>> coopsBySeason) {}

  /** The report's content, ready for either format. */
  public record Content(String tenant, Locale locale, ResourceBundle labels, LocalDate from, LocalDate to,
      List<Section> sections, boolean suppressed) {
    public String label(String key, Object... args) {
      String s = labels.getString(key);
      return args.length == 0 ? s : new MessageFormat(s, locale).format(args);
    }
  }

  public byte[] pdf(Tenant t, Caller c, Request r) {
    return ReportPdf.write(content(t, c, r), fontDir);
  }

  public byte[] xlsx(Tenant t, Caller c, Request r) {
    return ReportXlsx.write(content(t, c, r));
  }

  Content content(Tenant t, Caller c, Request r) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("reports are read by the programme's staff and donors");
    }
    Violations v = new Violations();
    v.require(r.from() != null, "from", "is required");
    v.require(r.to() != null, "to", "is required");
    v.require(r.from() == null || r.to() == null || !r.to().isBefore(r.from()), "to", "is before from");
    v.require(r.from() == null || r.to() == null || r.to().getYear() - r.from().getYear() <= 10, "to",
        "a report covers at most 10 years");
    v.require(r.programmeIds() != null && !r.programmeIds().isEmpty(), "programmeIds", "names no programme");
    v.require(r.programmeIds() == null || r.programmeIds().size() <= 20, "programmeIds", "at most 20 programmes");
    List<String> indicators = r.indicators() == null || r.indicators().isEmpty() ? INDICATORS : r.indicators();
    for (int i = 0; i < indicators.size(); i++) {
      v.require(INDICATORS.contains(indicators.get(i)), "indicators[" + i + "]", "must be one of " + INDICATORS);
    }
    String language = r.language() == null ? "en" : r.language();
    v.require(LANGUAGES.contains(language), "language", "must be one of en, fr, rw, am, zh");
    v.throwIfAny();
    Locale locale = Locale.forLanguageTag(language);
    ResourceBundle labels = ResourceBundle.getBundle("reports.labels", locale, Reports.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    boolean donor = FundingService.donorOnly(c);
    List<Section> sections = new ArrayList<>();
    boolean anySuppressed = false;
    Map<String, String> coopNames = new java.util.HashMap<>();
    registry.repository(t).cooperatives().forEach(x -> coopNames.put(x.id(), x.name()));
    for (String id : r.programmeIds()) {
      funding.requireFunded(t, c, id);
      Programme p = registry.repository(t).programme(id).orElseThrow(() -> DomainException.notFound("programme", id));
      Map<String, BigDecimal> wholeProgramme = wholeProgramme(t, c, id, indicators);
      List<Cell> cells = new ArrayList<>();
      Map<String, List<Bar>> coops = new LinkedHashMap<>();
      for (int year = r.from().getYear(); year <= r.to().getYear(); year++) {
        String season = String.valueOf(year);
        ImpactFigures.Figures f = figures.figures(t, c, id, season, "programme", id);
        anySuppressed |= f.suppressed();
        List<TrainedFarmers.Group> groups = indicators.contains("usdPerMuTrained")
            || indicators.contains("usdPerMuNotYetTrained") ? trained.compared(t, id, season) : List.of();
        for (String ind : indicators) {
          BigDecimal n;
          boolean hide;
          if (ind.equals("usdPerMuTrained") || ind.equals("usdPerMuNotYetTrained")) {
            String name = ind.equals("usdPerMuTrained") ? "trained" : "not-yet-trained";
            TrainedFarmers.Group g = groups.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            n = g == null ? null : Impact.cents(g.usdPerMu());
            hide = donor && (g == null || g.farmers() < ImpactFigures.SMALL_CELL);
            anySuppressed |= hide;
          } else {
            n = wholeProgramme.containsKey(ind) ? wholeProgramme.get(ind) : value(f, ind);
            hide = f.suppressed() && FROM_FARMERS.contains(ind);
          }
          cells.add(new Cell(ind, season, hide ? labels.getString("report.suppressed") : format(n, ind, locale,
              t.config().currency()), hide ? null : n));
        }
        List<Bar> bars = new ArrayList<>();
        for (ImpactFigures.Figures cf : figures.cooperatives(t, c, id, season)) {
          if (cf.suppressed()) {
            anySuppressed = true; // a cooperative of fewer than 5 farmers: no bar for a donor
          } else if (cf.usd().signum() != 0 || cf.lots() > 0) { // in the programme, with deliveries this season
            bars.add(new Bar(coopNames.getOrDefault(cf.id(), cf.id()), cf.usdPerMu() == null ? BigDecimal.ZERO
                : Impact.cents(cf.usdPerMu())));
          }
        }
        coops.put(season, bars);
      }
      sections.add(new Section(p.name(), t.config().currency(), p.targetUsdPerMu(), cells, coops));
    }
    return new Content(t.config().name(), locale, labels, r.from(), r.to(), sections, anySuppressed);
  }

  /** The indicators asked for that are the programme's whatever the season: loans, training, jobs. */
  private Map<String, BigDecimal> wholeProgramme(Tenant t, Caller c, String programmeId, List<String> indicators) {
    Map<String, BigDecimal> out = new java.util.HashMap<>();
    if (indicators.contains("loansDisbursed")) {
      out.put("loansDisbursed", loans.disbursed(t, programmeId));
    }
    if (indicators.contains("trainedFarmers")) {
      out.put("trainedFarmers", BigDecimal.valueOf(trained.bySex(t, programmeId).values().stream()
          .mapToInt(Integer::intValue).sum()));
    }
    if (indicators.contains("jobs") || indicators.contains("jobsWomenShare")) {
      JobsService.Summary work = jobs.summary(t, c, programmeId);
      out.put("jobs", BigDecimal.valueOf(work.jobs()));
      out.put("jobsWomenShare", work.womenShare() == null ? null
          : work.womenShare().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN));
    }
    return out;
  }

  /** An indicator of a season's programme figures. */
  private static BigDecimal value(ImpactFigures.Figures f, String indicator) {
    return switch (indicator) {
      case "usdPerMu" -> Impact.cents(f.usdPerMu());
      case "valueUsd" -> Impact.cents(f.usd());
      case "farmers" -> f.farmers() == null ? null : BigDecimal.valueOf(f.farmers());
      case "womenShare" -> f.womenSharePercent();
      case "crossed" -> f.crossed() == null ? null : BigDecimal.valueOf(f.crossed());
      case "crossedOnPayouts" -> f.crossedOnPayouts() == null ? null : BigDecimal.valueOf(f.crossedOnPayouts());
      case "paidToFarmers" -> f.paid();
      default -> throw DomainException.invalid("indicators", "unknown indicator " + indicator);
    };
  }

  static String format(BigDecimal n, String indicator, Locale locale, String currency) {
    if (n == null) {
      return "–";
    }
    java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
    int decimals = switch (indicator) {
      case "usdPerMu", "valueUsd", "womenShare", "jobsWomenShare", "usdPerMuTrained", "usdPerMuNotYetTrained" -> 2;
      case "paidToFarmers", "loansDisbursed" -> Math.max(0, Math.min(2, n.stripTrailingZeros().scale()));
      default -> 0;
    };
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    String s = f.format(n);
    return indicator.equals("paidToFarmers") || indicator.equals("loansDisbursed") ? currency + " " + s : s;
  }
}
