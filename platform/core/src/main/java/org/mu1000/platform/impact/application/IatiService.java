package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.mu1000.platform.impact.domain.LoanBook;
import org.mu1000.platform.impact.domain.ReportingOrg;
import org.mu1000.platform.impact.domain.ReportingStore;
import org.mu1000.platform.impact.domain.TrainedFarmers;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.xml.sax.SAXException;

/**
 * Each programme as an IATI 2.03 activity: previewed by its staff and donors, validated against the official schema,
 * then published by an administrator; the tenant's published file holds every programme's last published activity.
 * The figures are the API's, rounded as the API rounds them.
 */
@ApplicationScoped
public class IatiService {
  private static final Schema SCHEMA = schema();

  private ImpactFigures figures;
  private FundingService funding;
  private LoanBook loans;
  private TrainedFarmers trained;
  private Registry registry;
  private ReportingStore.Stores stores;

  protected IatiService() {}

  @Inject
  public IatiService(ImpactFigures figures, FundingService funding, LoanBook loans, TrainedFarmers trained,
      Registry registry, ReportingStore.Stores stores) {
    this.figures = figures;
    this.funding = funding;
    this.loans = loans;
    this.trained = trained;
    this.registry = registry;
    this.stores = stores;
  }

  private static Schema schema() {
    URL xsd = IatiService.class.getResource("/iati-2.03/iati-activities-schema.xsd");
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file,vfs,wsjar,zip");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return f.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException("the IATI 2.03 schema does not load", e);
    }
  }

  /** The schema's objections to a document (none when it is valid). */
  public static List<String> problems(String xml) {
    List<String> out = new ArrayList<>();
    try {
      var v = SCHEMA.newValidator();
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) {
          out.add("line " + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) {
          out.add("line " + e.getLineNumber() + ": " + e.getMessage());
        }
      });
      v.validate(new StreamSource(new StringReader(xml)));
    } catch (SAXException | IOException e) {
      out.add(e.getMessage());
    }
    return out;
  }

  /** What the programme's activity would say now; a donor previews only a programme their funder funds. */
  public String preview(Tenant t, Caller c, String programmeId) {
    return IatiActivity.document(List.of(facts(t, c, programmeId)), Instant.now());
  }

  /** Validates the programme's activity against the schema and keeps it as published; returns it. */
  public String publish(Tenant t, Caller c, String programmeId) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("programmes are published to IATI by the tenant's administrators");
    }
    String xml = preview(t, c, programmeId);
    List<String> problems = problems(xml);
    if (!problems.isEmpty()) {
      throw new DomainException(DomainException.Kind.UNPROCESSABLE, "the activity does not validate against IATI "
          + "2.03: " + String.join("; ", problems));
    }
    Published p = new Published(programmeId, activityOf(xml), Instant.now(), c.username(), 0);
    if (!stores.of(t).put(ReportingStore.PUBLISHED, programmeId, p, Published.class, Published::version)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "published meanwhile; publish again");
    }
    return xml;
  }

  /** A programme's activity as published: the element alone, and when and by whom. */
  public record Published(String id, String activity, Instant publishedAt, String publishedBy, long version) {}

  /** The {@code iati-activity} element of a one-activity document. */
  static String activityOf(String xml) {
    int from = xml.indexOf("<iati-activity ");
    int to = xml.lastIndexOf("</iati-activity>") + "</iati-activity>".length();
    return xml.substring(from, to);
  }

  /** The tenant's published file: every programme's last published activity. */
  public String published(Tenant t, Caller c) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("the IATI file is read by the programme's staff and donors");
    }
    List<Published> all = stores.of(t).list(ReportingStore.PUBLISHED, null, Where.Order.ID, 0, 0, Published.class);
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\""
        + " generated-datetime=\"" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\">");
    for (Published p : all) {
      s.append("\n  ").append(p.activity());
    }
    return s.append("\n</iati-activities>\n").toString();
  }

  IatiActivity.Facts facts(Tenant t, Caller c, String programmeId) {
    funding.requireFunded(t, c, programmeId);
    Programme p = registry.repository(t).programme(programmeId)
        .orElseThrow(() -> DomainException.notFound("programme", programmeId));
    ReportingOrg publisher = funding.publisher(t).orElseThrow(() -> new DomainException(
        DomainException.Kind.UNPROCESSABLE, "the tenant has no IATI publisher yet: an administrator sets its "
        + "reporting organisation first"));
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    List<org.mu1000.platform.impact.domain.Funding> funds = funding.of(t, programmeId);
    // the season's dates; a programme without them runs over its funding's
    LocalDate start = p.seasonStart() != null ? p.seasonStart() : funds.stream().map(
        org.mu1000.platform.impact.domain.Funding::start).min(LocalDate::compareTo).orElse(today);
    LocalDate end = p.seasonEnd() != null ? p.seasonEnd() : funds.stream().map(
        org.mu1000.platform.impact.domain.Funding::end).max(LocalDate::compareTo).orElse(null);
    String season = String.valueOf(p.seasonStart() != null ? p.seasonStart().getYear() : today.getYear());
    ImpactFigures.Figures f = figures.figures(t, c, programmeId, season, "programme", programmeId);
    Map<String, Integer> bySex = trained.bySex(t, programmeId);
    int trainedAll = bySex.values().stream().mapToInt(Integer::intValue).sum();
    String lang = t.config().languages().contains("en") || t.config().languages().isEmpty() ? "en"
        : t.config().languages().get(0);
    return new IatiActivity.Facts(publisher, publisher.ref() + "-" + t.id() + "-" + p.id(), lang, p.name(),
        p.name() + " (" + p.commodity() + "): " + t.config().name() + ". Demand-driven value-chain programme for "
            + "smallholder farmers; figures of the " + season + " season from Mu1000.", t.config().country(), start,
        end, today, funds, t.config().currency(), f.paid(), loans.disbursed(t, programmeId),
        p.baselineUsdPerMu(), p.targetUsdPerMu(), f.usdPerMu() == null ? null
            : org.mu1000.platform.impact.domain.Impact.cents(f.usdPerMu()), f.crossed(), f.womenSharePercent(),
        bySex.getOrDefault("female", 0), trainedAll - bySex.getOrDefault("female", 0), trainedAll);
  }
}
