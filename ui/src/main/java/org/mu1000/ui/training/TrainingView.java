package org.mu1000.ui.training;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.application.AttendanceSheet;
import org.mu1000.platform.training.application.TrainingOutcomes;
import org.mu1000.platform.training.application.TrainingService;
import org.mu1000.platform.training.domain.Attendance;
import org.mu1000.platform.training.domain.Course;
import org.mu1000.platform.training.domain.TrainingSession;
import org.mu1000.ui.components.Charts;
import org.mu1000.ui.shell.MainLayout;
import org.mu1000.ui.shell.Ui;

/**
 * A programme's training: its courses, the sessions that taught them (with who attended, recorded one by one or from
 * an attendance sheet), and what training changed: USD per mu and grade mix of trained beside not-yet-trained farmers.
 */
@Route(value = "training", layout = MainLayout.class)
@PageTitle("Mu1000 — training")
@Dependent
public class TrainingView extends VerticalLayout {
  private final TrainingService training;
  private final TrainingOutcomes outcomes;
  private final AttendanceSheet sheets;
  private final FarmerService farmers;
  private final OrganisationService orgs;
  private Tenant tenant;
  private final ComboBox<Programme> programme = new ComboBox<>();
  private final Grid<Course> courses = new Grid<>(Course.class, false);
  private final Grid<TrainingSession> sessions = new Grid<>(TrainingSession.class, false);
  private final Grid<Attendance> attendance = new Grid<>(Attendance.class, false);
  private final Div figures = new Div();
  private final VerticalLayout sessionPane = new VerticalLayout();
  private TrainingSession selected;

  @Inject
  public TrainingView(TrainingService training, TrainingOutcomes outcomes, AttendanceSheet sheets,
      FarmerService farmers, OrganisationService orgs, TenantService tenants) {
    this.training = training;
    this.outcomes = outcomes;
    this.sheets = sheets;
    this.farmers = farmers;
    this.orgs = orgs;
    try {
      tenant = Ui.tenant(tenants);
    } catch (DomainException e) {
      add(new Paragraph(e.getMessage()));
      return;
    }
    programme.setLabel(getTranslation("training.programme"));
    programme.setId("training-programme");
    programme.setItemLabelGenerator(Programme::name);
    programme.setItems(orgs.programmes(tenant, Ui.caller()));
    programme.addValueChangeListener(e -> refresh());

    courses.setId("training-courses");
    courses.addColumn(Course::title).setHeader(getTranslation("training.course")).setAutoWidth(true);
    courses.addColumn(c -> getTranslation("training.topic." + c.topic())).setHeader(getTranslation("training.topic"));
    courses.setAllRowsVisible(true);
    Button addCourse = new Button(getTranslation("training.addCourse"), e -> addCourse());
    addCourse.setId("training-add-course");
    addCourse.setVisible(Ui.caller().mayAdministerTenant());

    boolean staff = Ui.caller().mayReadRegistry();
    sessions.setId("training-sessions");
    sessions.addColumn(s -> Ui.date(s.date())).setHeader(getTranslation("training.date")).setAutoWidth(true);
    sessions.addColumn(s -> courseTitle(s.courseId())).setHeader(getTranslation("training.course"));
    sessions.addColumn(TrainingSession::place).setHeader(getTranslation("training.place"));
    sessions.addColumn(TrainingSession::trainer).setHeader(getTranslation("training.trainer"));
    sessions.addColumn(TrainingSession::attendees).setHeader(getTranslation("training.attendees"));
    sessions.setAllRowsVisible(true);
    sessions.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
    Button addSession = new Button(getTranslation("training.addSession"), e -> addSession());
    addSession.setId("training-add-session");
    addSession.setVisible(Ui.caller().mayAdministerTenant() || Ui.caller().has("coop-manager"));

    attendance.setId("training-attendance");
    attendance.addColumn(Attendance::farmerId).setHeader(getTranslation("training.farmer")).setAutoWidth(true);
    attendance.addColumn(a -> getTranslation("sex." + a.sex())).setHeader(getTranslation("training.sex"));
    attendance.addColumn(Attendance::ageBand).setHeader(getTranslation("training.ageBand"));
    attendance.setAllRowsVisible(true);
    sessionPane.setPadding(false);
    sessionPane.setVisible(false);

    figures.setId("training-outcomes");
    figures.setWidthFull();
    add(programme, new H3(getTranslation("training.courses")), addCourse, courses);
    if (staff) {
      add(new H3(getTranslation("training.sessions")), addSession, sessions, sessionPane);
    }
    add(new H3(getTranslation("training.outcomes")), figures);
    List<Programme> all = orgs.programmes(tenant, Ui.caller());
    if (!all.isEmpty()) {
      programme.setValue(all.get(0));
    }
  }

  private String courseTitle(String id) {
    return courses.getListDataView().getItems().filter(c -> c.id().equals(id)).map(Course::title).findFirst()
        .orElse(id);
  }

  private void refresh() {
    Programme p = programme.getValue();
    if (p == null) {
      return;
    }
    courses.setItems(training.courses(tenant, Ui.caller(), p.id()));
    if (Ui.caller().mayReadRegistry()) {
      sessions.setItems(training.sessions(tenant, Ui.caller(), p.id(), null));
      select(null);
    }
    showOutcomes(outcomes.of(tenant, Ui.caller(), p.id(), null));
  }

  private void showOutcomes(TrainingOutcomes.Outcomes o) {
    figures.removeAll();
    figures.add(new Paragraph(getTranslation("training.reach", o.trainedFarmers(), o.sessions(),
        o.trainedWomenShare() == null ? "–" : Ui.number(o.trainedWomenShare().movePointRight(2), 1) + " %")));
    List<String> labels = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (TrainingOutcomes.Group g : o.groups()) {
      String label = getTranslation("training.group." + g.group(), g.farmers());
      if (g.suppressed()) {
        figures.add(new Paragraph(label + ": " + getTranslation("training.suppressed")));
        continue;
      }
      labels.add(label);
      values.add(g.usdPerMu() == null ? BigDecimal.ZERO : g.usdPerMu());
      StringBuilder mix = new StringBuilder();
      g.gradeShare().forEach((grade, share) -> mix.append(mix.length() == 0 ? "" : ", ").append(grade).append(' ')
          .append(share == null ? "–" : Ui.number(share.movePointRight(2), 1)).append(" %"));
      figures.add(new Paragraph(label + ": " + getTranslation("training.groupLine", Ui.number(g.usdPerMu(), 2),
          g.deliveringFarmers(), mix.length() == 0 ? "–" : mix.toString())));
    }
    BigDecimal target = programme.getValue() == null ? null : programme.getValue().targetUsdPerMu();
    figures.add(new Div(new Html("<div>" + Charts.bars(getTranslation("training.chart"), labels, values, target,
        getTranslation("impact.target")) + "</div>")));
  }

  private void select(TrainingSession s) {
    selected = s;
    sessionPane.removeAll();
    sessionPane.setVisible(s != null);
    if (s == null) {
      return;
    }
    attendance.setItems(training.attendance(tenant, Ui.caller(), s.id()));
    MultiSelectComboBox<Farmer> who = new MultiSelectComboBox<>(getTranslation("training.farmers"));
    who.setId("training-farmers");
    who.setItemLabelGenerator(f -> f.givenName() + " " + f.familyName());
    who.setItems(farmers.list(tenant, Ui.caller(), s.cooperativeId(), s.programmeId(), null, null, null, 0, 500)
        .items());
    who.setWidth("28em");
    Button record = new Button(getTranslation("training.record"), e -> {
      try {
        TrainingService.Recorded r = training.attend(tenant, Ui.caller(), s.id(), who.getValue().stream()
            .map(Farmer::id).toList());
        Ui.ok(getTranslation("training.recorded", r.added(), r.already()));
        who.clear();
        reloadSession();
      } catch (DomainException ex) {
        Ui.show(ex, Map.of("farmerIds", who));
      }
    });
    record.setId("training-record");
    record.setVisible(Ui.caller().mayWriteRegistry());
    MemoryBuffer buffer = new MemoryBuffer();
    Upload upload = new Upload(buffer);
    upload.setId("training-sheet");
    upload.setAcceptedFileTypes(".csv", ".xlsx");
    upload.setMaxFileSize(5 * 1024 * 1024);
    upload.setVisible(Ui.caller().mayWriteRegistry());
    upload.addSucceededListener(e -> {
      try {
        TrainingService.Recorded r = sheets.load(tenant, Ui.caller(), s.id(), buffer.getInputStream().readAllBytes(),
            e.getFileName().toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv");
        Ui.ok(getTranslation("training.recorded", r.added(), r.already()));
        reloadSession();
      } catch (DomainException ex) {
        Ui.error(ex.getMessage() + ex.violations().stream().map(v -> "\n" + v.field() + ": " + v.message())
            .reduce("", String::concat));
      } catch (IOException ex) {
        Ui.error(ex.getMessage());
      }
    });
    sessionPane.add(new H3(getTranslation("training.attendanceOf", Ui.date(s.date()), s.place())),
        new HorizontalLayout(who, record), new Paragraph(getTranslation("training.sheetHint")), upload, attendance);
  }

  private void reloadSession() {
    Programme p = programme.getValue();
    String id = selected.id();
    List<TrainingSession> all = training.sessions(tenant, Ui.caller(), p.id(), null);
    sessions.setItems(all);
    all.stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(sessions::select);
    showOutcomes(outcomes.of(tenant, Ui.caller(), p.id(), null));
  }

  private void addCourse() {
    Programme p = programme.getValue();
    TextField title = new TextField(getTranslation("training.course"));
    title.setId("course-title");
    ComboBox<String> topic = new ComboBox<>(getTranslation("training.topic"));
    topic.setId("course-topic");
    topic.setItems(Arrays.stream(Course.Topic.values()).map(Course.Topic::code).toList());
    topic.setItemLabelGenerator(c -> getTranslation("training.topic." + c));
    TextField description = new TextField(getTranslation("training.description"));
    Ui.formDialog(getTranslation("training.addCourse"), new FormLayout(title, topic, description),
        Map.of("title", title, "topic", topic, "programmeId", title, "description", description),
        () -> training.createCourse(tenant, Ui.caller(), new Course(null, p == null ? null : p.id(), title.getValue(),
            topic.getValue(), description.getValue(), null, 0)),
        this::refresh);
  }

  private void addSession() {
    ComboBox<Course> course = new ComboBox<>(getTranslation("training.course"));
    course.setId("session-course");
    course.setItems(courses.getListDataView().getItems().toList());
    course.setItemLabelGenerator(Course::title);
    ComboBox<Cooperative> coop = new ComboBox<>(getTranslation("training.cooperative"));
    coop.setId("session-coop");
    coop.setItems(orgs.cooperatives(tenant, Ui.caller()).stream().filter(c -> Ui.caller().maySeeCoop(c.id()))
        .toList());
    coop.setItemLabelGenerator(Cooperative::name);
    DatePicker date = new DatePicker(getTranslation("training.date"));
    date.setId("session-date");
    TextField place = new TextField(getTranslation("training.place"));
    place.setId("session-place");
    TextField trainer = new TextField(getTranslation("training.trainer"));
    trainer.setId("session-trainer");
    Ui.formDialog(getTranslation("training.addSession"), new FormLayout(course, coop, date, place, trainer),
        Map.of("courseId", course, "cooperativeId", coop, "date", date, "place", place, "trainer", trainer),
        () -> training.createSession(tenant, Ui.caller(), new TrainingSession(null, course.getValue() == null ? null
            : course.getValue().id(), null, coop.getValue() == null ? null : coop.getValue().id(), date.getValue(),
            place.getValue(), trainer.getValue(), 0, null, 0)),
        this::refresh);
  }
}
