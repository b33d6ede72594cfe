package org.mu1000.platform.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.AgeBand;
import org.mu1000.platform.training.domain.Attendance;
import org.mu1000.platform.training.domain.Course;
import org.mu1000.platform.training.domain.TrainingSession;
import org.mu1000.platform.training.domain.TrainingStore;

/**
 * Courses (set by the agency's administrators), their sessions (recorded by administrators and the cooperatives'
 * managers) and who attended (recorded by anyone who registers farmers, one by one or from an attendance sheet).
 */
@ApplicationScoped
public class TrainingService {
  private TrainingStore.Stores stores;
  private Registry registry;
  private AuditTrail audit;

  protected TrainingService() {}

  @Inject
  public TrainingService(TrainingStore.Stores stores, Registry registry, AuditTrail audit) {
    this.stores = stores;
    this.registry = registry;
    this.audit = audit;
  }

  TrainingStore store(Tenant t) {
    return stores.of(t);
  }

  static LocalDate today(Tenant t) {
    return LocalDate.now(ZoneId.of(t.config().timezone()));
  }

  // ---- courses ----

  public Course createCourse(Tenant t, Caller c, Course in) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("courses are set by the tenant's administrators");
    }
    Course course = new Course(Ids.next("cs"), in.programmeId(), in.title() == null ? null : in.title().trim(),
        in.topic(), in.description(), Instant.now(), 0);
    Violations v = course.violations();
    v.require(course.programmeId() == null || registry.repository(t).programme(course.programmeId()).isPresent(),
        "programmeId", "is not a programme of this tenant");
    v.throwIfAny();
    TrainingStore store = store(t);
    if (store.count(TrainingStore.COURSES, Where.all(Where.eq("programmeId", course.programmeId()),
        Where.eq("title", course.title()))) > 0) {
      throw DomainException.invalid("title", "the programme has a course with this title already");
    }
    store.insert(TrainingStore.COURSES, course.id(), course);
    audit.record(t, c.username(), "course.created", "course", course.id(), null, course);
    return store.get(TrainingStore.COURSES, course.id(), Course.class, "course");
  }

  public List<Course> courses(Tenant t, Caller c, String programmeId) {
    requireReading(c);
    return store(t).list(TrainingStore.COURSES, programmeId == null ? null : Where.eq("programmeId", programmeId),
        Where.Order.by("title"), 0, 0, Course.class);
  }

  public Course course(Tenant t, Caller c, String id) {
    requireReading(c);
    return store(t).get(TrainingStore.COURSES, id, Course.class, "course");
  }

  /** Course titles and topics are programme data: whoever reads programmes (donors too) may read them. */
  static void requireReading(Caller c) {
    if (!c.mayReadProgrammes()) {
      throw DomainException.forbidden("training is read by the programme's staff and donors");
    }
  }

  // ---- sessions ----

  public TrainingSession createSession(Tenant t, Caller c, TrainingSession in) {
    if (!c.mayAdministerTenant() && !c.has(Caller.COOP_MANAGER)) {
      throw DomainException.forbidden("sessions are recorded by administrators and cooperative managers");
    }
    TrainingSession s = new TrainingSession(Ids.next("ts"), in.courseId(), null, in.cooperativeId(), in.date(),
        trim(in.place()), trim(in.trainer()), 0, Instant.now(), 0);
    s.validate(today(t));
    Course course = store(t).find(TrainingStore.COURSES, s.courseId(), Course.class)
        .orElseThrow(() -> DomainException.invalid("courseId", "is not a course of this tenant"));
    if (registry.repository(t).cooperative(s.cooperativeId()).isEmpty() || !c.maySeeCoop(s.cooperativeId())) {
      throw DomainException.invalid("cooperativeId", "is not a cooperative you manage");
    }
    s = new TrainingSession(s.id(), s.courseId(), course.programmeId(), s.cooperativeId(), s.date(), s.place(),
        s.trainer(), 0, s.createdAt(), 0);
    store(t).insert(TrainingStore.SESSIONS, s.id(), s);
    audit.record(t, c.username(), "training-session.created", "training-session", s.id(), null, s);
    return store(t).get(TrainingStore.SESSIONS, s.id(), TrainingSession.class, "training session");
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /** Sessions name their place and trainer: the programme's staff read them, each cooperative its own. */
  public List<TrainingSession> sessions(Tenant t, Caller c, String programmeId, String courseId) {
    requireStaff(c);
    List<Where> where = new ArrayList<>();
    if (programmeId != null) {
      where.add(Where.eq("programmeId", programmeId));
    }
    if (courseId != null) {
      where.add(Where.eq("courseId", courseId));
    }
    if (c.isCoopScoped()) {
      where.add(Where.in("cooperativeId", c.coops()));
    }
    return store(t).list(TrainingStore.SESSIONS, Where.all(where), Where.Order.byDescending("date"), 0, 0,
        TrainingSession.class);
  }

  public TrainingSession session(Tenant t, Caller c, String id) {
    requireStaff(c);
    TrainingSession s = store(t).get(TrainingStore.SESSIONS, id, TrainingSession.class, "training session");
    if (!c.maySeeCoop(s.cooperativeId())) {
      throw DomainException.notFound("training session", id);
    }
    return s;
  }

  private static void requireStaff(Caller c) {
    if (!c.mayReadRegistry()) {
      throw DomainException.forbidden("sessions and attendance are person-level records of the programme's staff");
    }
  }

  // ---- attendance ----

  /** What recording attendance did: farmers newly recorded, and those who were recorded already. */
  public record Recorded(int added, int already, int attendees) {}

  /**
   * Records that farmers attended a session: each must be enrolled in the session's programme and be one the caller
   * may see. Nothing is recorded when any farmer is refused; one recorded already is left as it is.
   */
  public Recorded attend(Tenant t, Caller c, String sessionId, List<String> farmerIds) {
    if (!c.mayWriteRegistry()) {
      throw DomainException.forbidden("attendance is recorded by those who register farmers");
    }
    TrainingSession s = session(t, c, sessionId);
    if (farmerIds == null || farmerIds.isEmpty()) {
      throw DomainException.invalid("farmerIds", "names no farmer");
    }
    if (farmerIds.size() > 1000) {
      throw DomainException.invalid("farmerIds", "at most 1,000 farmers at a time");
    }
    RegistryRepository repo = registry.repository(t);
    Violations v = new Violations();
    Map<String, Farmer> farmers = new LinkedHashMap<>();
    for (int i = 0; i < farmerIds.size(); i++) {
      String id = farmerIds.get(i);
      Optional<Farmer> f = id == null ? Optional.empty() : repo.farmer(id);
      String refused = refusal(c, s, f);
      if (refused != null) {
        v.add("farmerIds[" + i + "]", refused);
      } else {
        farmers.put(id, f.get());
      }
    }
    v.throwIfAny();
    return record(t, c, s, new ArrayList<>(farmers.values()));
  }

  /** Why a farmer (as found) cannot be recorded at the session, or null when they can. */
  static String refusal(Caller c, TrainingSession s, Optional<Farmer> f) {
    if (f.isEmpty() || !c.maySeeCoop(f.get().cooperativeId())) {
      return "is not a farmer you may record";
    }
    return f.get().programmeIds().contains(s.programmeId()) ? null : "is not enrolled in the session's programme";
  }

  Recorded record(Tenant t, Caller c, TrainingSession s, List<Farmer> farmers) {
    TrainingStore store = store(t);
    Course course = store.get(TrainingStore.COURSES, s.courseId(), Course.class, "course");
    int added = 0;
    for (Farmer f : farmers) {
      Attendance a = new Attendance(Attendance.id(s.id(), f.id()), s.id(), s.courseId(), course.topic(),
          s.programmeId(), s.cooperativeId(), f.id(), f.sex() == null ? "unknown" : f.sex().code(),
          AgeBand.of(f.birthYear(), s.date()), s.date(), c.username(), Instant.now(), 0);
      if (store.insert(TrainingStore.ATTENDANCE, a.id(), a)) {
        added++;
      }
    }
    int attendees = (int) store.count(TrainingStore.ATTENDANCE, Where.eq("sessionId", s.id()));
    for (int i = 0; i < 3; i++) {
      TrainingSession now = store.get(TrainingStore.SESSIONS, s.id(), TrainingSession.class, "training session");
      if (now.attendees() == attendees || store.replace(TrainingStore.SESSIONS, s.id(), now.withAttendees(
          attendees), now.version(), TrainingSession.class).isPresent()) {
        break;
      }
    }
    if (added > 0) {
      audit.record(t, c.username(), "training-session.attended", "training-session", s.id(), null,
          Map.of("added", added, "attendees", attendees));
    }
    return new Recorded(added, farmers.size() - added, attendees);
  }

  public List<Attendance> attendance(Tenant t, Caller c, String sessionId) {
    TrainingSession s = session(t, c, sessionId);
    return store(t).list(TrainingStore.ATTENDANCE, Where.eq("sessionId", s.id()), Where.Order.by("farmerId"), 0, 0,
        Attendance.class);
  }
}
