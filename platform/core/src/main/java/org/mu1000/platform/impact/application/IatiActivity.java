package org.mu1000.platform.impact.application;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.mu1000.platform.impact.domain.Funding;
import org.mu1000.platform.impact.domain.ReportingOrg;

/**
 * A programme as an IATI 2.03 activity: who reports and who funds it, its status and dates, the country and sector,
 * its budget and money in and out (the funders' commitments in; payouts to farmers and input loans out), and its
 * results: USD per mu (baseline, target, actual), households that crossed the poverty line, women's share of the
 * farmers who delivered, and farmers trained, by sex.
 */
public final class IatiActivity {
  /** Everything one activity says, already computed. */
  public record Facts(ReportingOrg publisher, String identifier, String language, String title, String description,
      String country, LocalDate start, LocalDate end, LocalDate today, List<Funding> funding, String currency,
      BigDecimal paidToFarmers, BigDecimal loansDisbursed, BigDecimal baselineUsdPerMu, BigDecimal targetUsdPerMu,
      BigDecimal usdPerMu, Integer householdsCrossed, BigDecimal womenSharePercent, Integer trainedWomen,
      Integer trainedMen, Integer trainedFarmers) {}

  /** DAC 5 sector: agricultural development. */
  static final String SECTOR = "31120";

  private final XMLStreamWriter x;
  private int depth;

  private IatiActivity(XMLStreamWriter x) {
    this.x = x;
  }

  /** An {@code iati-activities} document of the activities given, each written by {@link #activity}. */
  public static String document(List<Facts> activities, Instant generated) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      IatiActivity a = new IatiActivity(w);
      w.writeStartDocument("UTF-8", "1.0");
      a.open("iati-activities", "version", "2.03", "generated-datetime", generated.truncatedTo(ChronoUnit.SECONDS)
          .toString());
      for (Facts f : activities) {
        a.activity(f, generated);
      }
      a.close();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the IATI document could not be written", e);
    }
    return out.toString().replaceFirst("^<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  }

  private void activity(Facts f, Instant generated) throws XMLStreamException {
    open("iati-activity", "last-updated-datetime", generated.truncatedTo(ChronoUnit.SECONDS).toString(),
        "xml:lang", f.language(), "default-currency", f.currency());
    text("iati-identifier", f.identifier());
    open("reporting-org", "ref", f.publisher().ref(), "type", f.publisher().type());
    narrative(f.publisher().name());
    close();
    open("title");
    narrative(f.title());
    close();
    open("description", "type", "1");
    narrative(f.description());
    close();
    for (Funding fu : f.funding()) {
      open("participating-org", attrs("role", "1", "type", fu.funderType(), "ref", fu.funderRef()));
      narrative(fu.funderName());
      close();
    }
    open("participating-org", "role", "4", "type", f.publisher().type(), "ref", f.publisher().ref());
    narrative(f.publisher().name());
    close();
    empty("activity-status", "code", status(f));
    if (f.start() != null) {
      empty("activity-date", "type", f.today().isBefore(f.start()) ? "1" : "2", "iso-date", f.start().toString());
    }
    if (f.end() != null) {
      empty("activity-date", "type", f.today().isAfter(f.end()) ? "4" : "3", "iso-date", f.end().toString());
    }
    empty("recipient-country", "code", f.country(), "percentage", "100");
    empty("sector", "vocabulary", "1", "code", SECTOR, "percentage", "100");
    for (Funding fu : f.funding()) {
      open("budget", "type", "1", "status", "2");
      empty("period-start", "iso-date", fu.start().toString());
      empty("period-end", "iso-date", fu.end().toString());
      value(fu.amount(), fu.currency(), fu.start());
      close();
    }
    for (Funding fu : f.funding()) {
      transaction("1", fu.start(), fu.amount(), fu.currency(), "Committed funding received from " + fu.funderName(),
          fu, null);
    }
    if (f.paidToFarmers() != null && f.paidToFarmers().signum() > 0) {
      transaction("3", f.today(), f.paidToFarmers(), f.currency(), "Harvest payouts to farmers by mobile money, "
          + "as the provider confirmed them (last 365 days)", null, "Farmers of the programme");
    }
    if (f.loansDisbursed() != null && f.loansDisbursed().signum() > 0) {
      transaction("3", f.today(), f.loansDisbursed(), f.currency(), "Input loans against buyers' orders, paid to "
          + "registered input suppliers", null, "Farmers of the programme (inputs from registered suppliers)");
    }
    result("USD per mu of land", "1", true, f.baselineUsdPerMu(), f.targetUsdPerMu(), f.usdPerMu(), f,
        Map.of());
    result("Households lifted above the poverty line on the value of their lots (last 365 days)", "1", true, null,
        null, f.householdsCrossed() == null ? null : BigDecimal.valueOf(f.householdsCrossed()), f, Map.of());
    result("Women's share of the farmers who delivered", "2", true, null, null, f.womenSharePercent(), f, Map.of());
    result("Farmers trained", "1", true, null, null, f.trainedFarmers() == null ? null
        : BigDecimal.valueOf(f.trainedFarmers()), f, f.trainedWomen() == null ? Map.of() : Map.of("female",
            BigDecimal.valueOf(f.trainedWomen()), "male", BigDecimal.valueOf(f.trainedMen())));
    close();
  }

  /** 1 pipeline, 2 implementation, 3 finalisation (after its end). */
  static String status(Facts f) {
    if (f.start() != null && f.today().isBefore(f.start())) {
      return "1";
    }
    return f.end() != null && f.today().isAfter(f.end()) ? "3" : "2";
  }

  private void transaction(String type, LocalDate date, BigDecimal amount, String currency, String description,
      Funding provider, String receiver) throws XMLStreamException {
    open("transaction");
    empty("transaction-type", "code", type);
    empty("transaction-date", "iso-date", date.toString());
    value(amount, currency, date);
    open("description");
    narrative(description);
    close();
    if (provider != null) {
      open("provider-org", attrs("ref", provider.funderRef(), "type", provider.funderType()));
      narrative(provider.funderName());
      close();
    }
    if (receiver != null) {
      open("receiver-org");
      narrative(receiver);
      close();
    }
    close();
  }

  private void result(String title, String measure, boolean ascending, BigDecimal baseline, BigDecimal target,
      BigDecimal actual, Facts f, Map<String, BigDecimal> bySex) throws XMLStreamException {
    if (actual == null && target == null) {
      return;
    }
    open("result", "type", "2", "aggregation-status", "1");
    open("title");
    narrative(title);
    close();
    open("indicator", "measure", measure, "ascending", ascending ? "1" : "0");
    open("title");
    narrative(title);
    close();
    if (baseline != null && f.start() != null) {
      empty("baseline", "year", String.valueOf(f.start().getYear()), "iso-date", f.start().toString(), "value",
          baseline.toPlainString());
    }
    if (f.start() != null && f.end() != null) {
      open("period");
      empty("period-start", "iso-date", f.start().toString());
      empty("period-end", "iso-date", f.end().toString());
      if (target != null) {
        empty("target", "value", target.toPlainString());
      }
      if (actual != null) {
        empty("actual", "value", actual.toPlainString());
        for (Map.Entry<String, BigDecimal> e : new java.util.TreeMap<>(bySex).entrySet()) {
          open("actual", "value", e.getValue().toPlainString());
          empty("dimension", "name", "sex", "value", e.getKey());
          close();
        }
      }
      close();
    }
    close();
    close();
  }

  private void value(BigDecimal amount, String currency, LocalDate date) throws XMLStreamException {
    indent();
    x.writeStartElement("value");
    x.writeAttribute("currency", currency);
    x.writeAttribute("value-date", date.toString());
    x.writeCharacters(amount.toPlainString());
    x.writeEndElement();
  }

  private static String[] attrs(String... kv) {
    return kv;
  }

  private void indent() throws XMLStreamException {
    x.writeCharacters("\n" + "  ".repeat(depth));
  }

  private void attributes(String... kv) throws XMLStreamException {
    for (int i = 0; i + 1 < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        continue;
      }
      if (kv[i].equals("xml:lang")) {
        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", kv[i + 1]);
      } else {
        x.writeAttribute(kv[i], kv[i + 1]);
      }
    }
  }

  private void open(String name, String... kv) throws XMLStreamException {
    indent();
    x.writeStartElement(name);
    attributes(kv);
    depth++;
  }

  private void close() throws XMLStreamException {
    depth--;
    indent();
    x.writeEndElement();
  }

  private void empty(String name, String... kv) throws XMLStreamException {
    indent();
    x.writeEmptyElement(name);
    attributes(kv);
  }

  private void text(String name, String value) throws XMLStreamException {
    indent();
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private void narrative(String value) throws XMLStreamException {
    text("narrative", value);
  }
}
