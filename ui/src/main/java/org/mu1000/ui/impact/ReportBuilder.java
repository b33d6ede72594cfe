package org.mu1000.ui.impact;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.mu1000.platform.impact.application.Reports;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.ui.I18n;
import org.mu1000.ui.shell.Ui;

/**
 * The report builder: a period, programmes and indicators, a language; the PDF (with the dashboard's charts) or the
 * XLSX of the same figures is made when its link is followed.
 */
public class ReportBuilder extends VerticalLayout {
  public ReportBuilder(Reports reports, Tenant tenant, List<Programme> programmes) {
    setPadding(false);
    setId("report-builder");
    DatePicker from = new DatePicker(getTranslation("report.from"), LocalDate.of(LocalDate.now().getYear(), 1, 1));
    from.setId("report-from");
    DatePicker to = new DatePicker(getTranslation("report.to"), LocalDate.now());
    to.setId("report-to");
    MultiSelectComboBox<Programme> which = new MultiSelectComboBox<>(getTranslation("report.programmes"));
    which.setId("report-programmes");
    which.setItems(programmes);
    which.setItemLabelGenerator(Programme::name);
    which.select(programmes);
    which.setWidth("24em");
    Locale ui = getLocale();
    ResourceBundle labels = ResourceBundle.getBundle("reports.labels", Locale.forLanguageTag(
        Reports.LANGUAGES.contains(ui.getLanguage()) ? ui.getLanguage() : "en"), Reports.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    MultiSelectComboBox<String> indicators = new MultiSelectComboBox<>(getTranslation("report.indicators"));
    indicators.setId("report-indicators");
    indicators.setItems(Reports.INDICATORS);
    indicators.setItemLabelGenerator(k -> labels.getString("indicator." + k));
    indicators.select(Reports.INDICATORS);
    indicators.setWidth("24em");
    Select<Locale> language = new Select<>();
    language.setId("report-language");
    language.setLabel(getTranslation("report.language"));
    language.setItems(I18n.LOCALES);
    language.setItemLabelGenerator(l -> l.getDisplayLanguage(l));
    language.setValue(I18n.LOCALES.stream().filter(l -> l.getLanguage().equals(ui.getLanguage())).findFirst()
        .orElse(Locale.ENGLISH));
    Caller caller = Ui.caller();
    Anchor pdf = new Anchor(download(reports, tenant, caller, "pdf", from, to, which, indicators, language),
        getTranslation("report.pdf"));
    pdf.setId("report-pdf");
    pdf.getElement().setAttribute("download", true);
    Anchor xlsx = new Anchor(download(reports, tenant, caller, "xlsx", from, to, which, indicators, language),
        getTranslation("report.xlsx"));
    xlsx.setId("report-xlsx");
    xlsx.getElement().setAttribute("download", true);
    Runnable ready = () -> {
      boolean ok = from.getValue() != null && to.getValue() != null && !which.getValue().isEmpty();
      pdf.setEnabled(ok);
      xlsx.setEnabled(ok);
    };
    from.addValueChangeListener(e -> ready.run());
    to.addValueChangeListener(e -> ready.run());
    which.addValueChangeListener(e -> ready.run());
    ready.run();
    HorizontalLayout fields = new HorizontalLayout(from, to, which, indicators, language);
    fields.getStyle().set("flex-wrap", "wrap");
    add(new H3(getTranslation("report.title")), fields, new HorizontalLayout(pdf, xlsx));
  }

  private static StreamResource download(Reports reports, Tenant tenant, Caller caller, String format,
      DatePicker from, DatePicker to, MultiSelectComboBox<Programme> which, MultiSelectComboBox<String> indicators,
      Select<Locale> language) {
    StreamResource r = new StreamResource("mu1000-" + tenant.id() + "-report." + format, () -> {
      Reports.Request req = new Reports.Request(from.getValue(), to.getValue(), which.getValue().stream()
          .map(Programme::id).toList(), List.copyOf(indicators.getValue()), language.getValue().getLanguage());
      try {
        return new ByteArrayInputStream(format.equals("pdf") ? reports.pdf(tenant, caller, req)
            : reports.xlsx(tenant, caller, req));
      } catch (DomainException e) {
        return new ByteArrayInputStream(e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    });
    r.setContentType(format.equals("pdf") ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return r;
  }
}
