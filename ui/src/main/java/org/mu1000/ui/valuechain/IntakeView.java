package org.mu1000.ui.valuechain;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mu1000.platform.idempotency.application.Idempotency;
import org.mu1000.platform.idempotency.domain.IdempotencyStore;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.QrCodes;
import org.mu1000.platform.valuechain.application.GradingService;
import org.mu1000.platform.valuechain.application.LotService;
import org.mu1000.platform.valuechain.application.IntakeService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * Harvest intake at the collection point: built for a field agent with a scale and a tablet. Tab moves field to field,
 * Enter saves, the grade shows as soon as the measurements are typed, and one delivery can be split into lots.
 */
@Route(value = "intake", layout = MainLayout.class)
@PageTitle("Mu1000 — intake")
@Dependent
public class IntakeView extends VerticalLayout {
  private final LotService lots;
  private final IntakeService intakes;
  private final Idempotency idempotency;
  /** The key of this form's delivery: a second save of it (a double click, a resend) records it once. */
  private String deliveryKey = UUID.randomUUID().toString();
  private final GradingService grading;
  private final PlotService plots;
  private Tenant tenant;
  private GradingStandard standard;
  private final VerticalLayout rows = new VerticalLayout();
  private final List<Row> parts = new ArrayList<>();
  private final Div result = new Div();

  private final ComboBox<Farmer> farmer = new ComboBox<>();
  private final Select<Plot> plot = new Select<>();
  private final Select<String> programme = new Select<>();
  private final DatePicker date = new DatePicker();
  private final BigDecimalField gross = new BigDecimalField();
  private final TextField point = new TextField();

  /** One lot of the delivery: its weight and measurements, and the grade they give. */
  private final class Row {
    final BigDecimalField kg = new BigDecimalField(getTranslation("intake.lotKg"));
    final Map<String, BigDecimalField> measures = new LinkedHashMap<>();
    final Span grade = new Span("–");
    final HorizontalLayout layout = new HorizontalLayout();

    Row(int index) {
      kg.setId("lot-kg-" + index);
      kg.setWidth("7em");
      layout.add(kg);
      for (GradingStandard.Measure m : standard.measures()) {
        BigDecimalField f = new BigDecimalField(m.label() + (m.unit() == null ? "" : " (" + m.unit() + ")"));
        f.setId("lot-" + index + "-" + m.key());
        f.setWidth("9em");
        f.setValueChangeMode(ValueChangeMode.EAGER);
        f.addValueChangeListener(e -> regrade());
        measures.put(m.key(), f);
        layout.add(f);
      }
      grade.setId("lot-grade-" + index);
      grade.getElement().getThemeList().add("badge pill");
      grade.getStyle().set("font-size", "var(--lumo-font-size-l)").set("min-width", "5em").set("text-align", "center");
      layout.add(grade);
      layout.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
      layout.getStyle().set("flex-wrap", "wrap");
    }

    Map<String, BigDecimal> values() {
      Map<String, BigDecimal> out = new HashMap<>();
      measures.forEach((k, f) -> {
        if (f.getValue() != null) {
          out.put(k, f.getValue());
        }
      });
      return out;
    }

    void regrade() {
      try {
        String g = standard.grade(values());
        grade.setText(g);
        grade.getElement().getThemeList().removeAll(List.of("success", "error", "contrast"));
        grade.getElement().getThemeList().add(GradingStandard.REJECT.equals(g) ? "error" : "success");
      } catch (DomainException incomplete) {
        grade.setText("–");
      }
    }
  }

  @Inject
  public IntakeView(LotService lots, IntakeService intakes, GradingService grading, FarmerService farmers,
      PlotService plots, org.mu1000.platform.registry.application.OrganisationService orgs, TenantService tenants,
      Idempotency idempotency) {
    this.lots = lots;
    this.intakes = intakes;
    this.idempotency = idempotency;
    this.grading = grading;
    this.plots = plots;
    try {
      tenant = Ui.tenant(tenants);
      if (!Ui.caller().mayHandleLots()) {
        throw DomainException.forbidden(getTranslation("intake.forbidden"));
      }
      farmer.setId("intake-farmer");
      farmer.setLabel(getTranslation("intake.farmer"));
      farmer.setWidth("22em");
      farmer.setItems(q -> farmers.list(tenant, Ui.caller(), null, null, null, q.getFilter().orElse(null),
          "familyName", q.getOffset() / Math.max(1, q.getLimit()), q.getLimit()).items().stream());
      farmer.setItemLabelGenerator(f -> f.familyName() + " " + f.givenName()
          + (f.externalId() == null ? "" : " · " + f.externalId()));
      farmer.addValueChangeListener(e -> farmerChosen(e.getValue()));
      farmer.setAutofocus(true);
      plot.setId("intake-plot");
      plot.setLabel(getTranslation("intake.plot"));
      plot.setItemLabelGenerator(p -> p.crop() + " · " + Ui.amount(tenant.config().areaUnit().fromSquareMetres(
          p.areaM2())) + " " + tenant.config().areaUnit().code());
      programme.setId("intake-programme");
      Map<String, String> names = new HashMap<>();
      orgs.programmes(tenant, Ui.caller()).forEach(p -> names.put(p.id(), p.name()));
      programme.setItemLabelGenerator(id -> names.getOrDefault(id, id));
      programme.setLabel(getTranslation("intake.programme"));
      programme.addValueChangeListener(e -> standardChosen(e.getValue()));
      date.setId("intake-date");
      date.setLabel(getTranslation("intake.date"));
      date.setValue(LocalDate.now(ZoneId.of(tenant.config().timezone())));
      date.setMax(date.getValue());
      gross.setId("intake-gross");
      gross.setLabel(getTranslation("intake.gross"));
      gross.setWidth("8em");
      point.setId("intake-point");
      point.setLabel(getTranslation("intake.point"));
      FlexLayout head = new FlexLayout(farmer, plot, programme, date, gross, point);
      head.setFlexWrap(FlexLayout.FlexWrap.WRAP);
      head.getStyle().set("gap", "var(--lumo-space-m)");
      Button split = new Button(getTranslation("intake.split"), e -> addRow());
      split.setId("intake-split");
      Button save = new Button(getTranslation("intake.save"), e -> save(e.getSource()));
      save.setId("intake-save");
      save.setDisableOnClick(true);
      save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
      save.addClickShortcut(Key.ENTER);
      split.addThemeVariants(ButtonVariant.LUMO_LARGE);
      rows.setPadding(false);
      add(new H3(getTranslation("intake.title")), head, rows, new HorizontalLayout(split, save), result);
    } catch (DomainException e) {
      removeAll();
      add(new Paragraph(e.getMessage()));
    }
  }

  private void farmerChosen(Farmer f) {
    plot.clear();
    programme.clear();
    if (f == null) {
      return;
    }
    List<Plot> ps = plots.of(tenant, Ui.caller(), f.id());
    plot.setItems(ps);
    if (ps.size() == 1) {
      plot.setValue(ps.get(0));
    }
    List<String> graded = f.programmeIds().stream().filter(p -> grading.current(tenant, p).isPresent()).toList();
    programme.setItems(graded);
    if (!graded.isEmpty()) {
      programme.setValue(graded.get(0));
    }
  }

  private void standardChosen(String programmeId) {
    rows.removeAll();
    parts.clear();
    standard = programmeId == null ? null : grading.current(tenant, programmeId).orElse(null);
    if (standard != null) {
      addRow();
    }
  }

  private void addRow() {
    if (standard == null) {
      Ui.error(getTranslation("intake.noStandard"));
      return;
    }
    Row r = new Row(parts.size());
    parts.add(r);
    rows.add(r.layout);
    if (parts.size() == 1 && gross.getValue() != null) {
      r.kg.setValue(gross.getValue());
    }
  }

  private void save(Button save) {
    Map<String, com.vaadin.flow.component.Component> fields = new HashMap<>();
    fields.put("farmerId", farmer);
    fields.put("plotId", plot);
    fields.put("programmeId", programme);
    fields.put("harvestDate", date);
    fields.put("grossKg", gross);
    Ui.clearErrors(fields);
    try {
      List<IntakeService.Part> ps = new ArrayList<>();
      for (Row r : parts) {
        ps.add(new IntakeService.Part(r.kg.getValue() == null && parts.size() == 1 ? gross.getValue() : r.kg.getValue(),
            r.values()));
      }
      IntakeService.IntakeInput input = new IntakeService.IntakeInput(
          farmer.getValue() == null ? null : farmer.getValue().id(), plot.getValue() == null ? null
              : plot.getValue().id(), programme.getValue(), date.getValue(), gross.getValue(),
          point.getValue().isBlank() ? null : point.getValue(), ps);
      IntakeService.Intake in = recordOnce(input);
      deliveryKey = UUID.randomUUID().toString(); // the next save is another delivery
      showResult(in);
      gross.clear();
      standardChosen(programme.getValue());
      Ui.ok(getTranslation("intake.saved", in.lots().size()));
    } catch (DomainException e) {
      Ui.show(e, fields);
    } finally {
      save.setEnabled(true);
    }
  }

  /**
   * Records the delivery under this form's key: a save that was already recorded shows what it recorded instead of
   * recording it again. A refused save keeps nothing, so the corrected form saves under the same key.
   */
  private IntakeService.Intake recordOnce(IntakeService.IntakeInput input) {
    var caller = Ui.caller();
    byte[] asked = input.toString().getBytes(StandardCharsets.UTF_8);
    Idempotency.Outcome outcome = idempotency.begin(tenant, caller.subject(), "ui-intake-" + deliveryKey,
        Idempotency.fingerprint("intake", asked));
    if (outcome instanceof Idempotency.Replay r) {
      String deliveryId = new String(r.answer().body(), StandardCharsets.UTF_8);
      var d = lots.delivery(tenant, caller, deliveryId);
      List<Lot> recorded = d.lotIds().stream().map(id -> lots.lot(tenant, id)).toList();
      return new IntakeService.Intake(d, recorded, intakes.receiptText(d, recorded));
    }
    Idempotency.First first = (Idempotency.First) outcome;
    try {
      IntakeService.Intake in = intakes.intake(tenant, caller, input);
      idempotency.finish(tenant, first, new IdempotencyStore.Answer(201, "text/plain", null, null,
          in.delivery().id().getBytes(StandardCharsets.UTF_8)));
      return in;
    } catch (RuntimeException e) {
      idempotency.abandon(tenant, first);
      throw e;
    }
  }

  private void showResult(IntakeService.Intake in) {
    result.removeAll();
    result.setId("intake-result");
    Paragraph sms = new Paragraph(in.receipt());
    sms.setId("intake-sms");
    sms.getStyle().set("font-family", "monospace").set("background", "var(--lumo-contrast-5pct)")
        .set("padding", "var(--lumo-space-s)");
    byte[] pdf = intakes.receiptPdf(tenant, Ui.caller(), in.delivery().id());
    Anchor receipt = new Anchor(new StreamResource("receipt-" + in.delivery().id() + ".pdf",
        () -> new ByteArrayInputStream(pdf)), getTranslation("intake.receipt"));
    receipt.setId("intake-receipt");
    receipt.setTarget("_blank");
    result.add(new H3(getTranslation("intake.result")), sms, receipt);
    FlexLayout cards = new FlexLayout();
    cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    cards.getStyle().set("gap", "var(--lumo-space-m)");
    for (Lot l : in.lots()) {
      String svg = QrCodes.svg(lots.digitalLink(l));
      Image qr = new Image(org.mu1000.ui.components.PlotMap.svgDataUrl(svg), lots.digitalLink(l));
      qr.setWidth("120px");
      Anchor link = new Anchor(lots.digitalLink(l), l.code());
      link.setTarget("_blank");
      Div card = new Div(qr, new Div(new Span(getTranslation("intake.lotLine", l.grade(),
          Ui.amount(l.kg())))), link);
      card.addClassName("lot-card");
      cards.add(card);
    }
    result.add(cards);
  }
}
