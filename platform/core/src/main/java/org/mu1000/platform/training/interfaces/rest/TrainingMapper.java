package org.mu1000.platform.training.interfaces.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mu1000.api.model.Attendance;
import org.mu1000.api.model.AttendanceRecorded;
import org.mu1000.api.model.Course;
import org.mu1000.api.model.TrainingOutcomeGroup;
import org.mu1000.api.model.TrainingOutcomes;
import org.mu1000.api.model.TrainingSession;
import org.mu1000.platform.training.application.TrainingOutcomes.Group;
import org.mu1000.platform.training.application.TrainingOutcomes.Outcomes;
import org.mu1000.platform.training.application.TrainingService.Recorded;

/** Training records and figures as the API's models. */
final class TrainingMapper {
  private TrainingMapper() {}

  private static OffsetDateTime at(java.time.Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Course course(org.mu1000.platform.training.domain.Course c) {
    return new Course().id(c.id()).programmeId(c.programmeId()).title(c.title())
        .topic(Course.TopicEnum.fromValue(c.topic())).description(c.description()).createdAt(at(c.createdAt()))
        .version(c.version());
  }

  static org.mu1000.platform.training.domain.Course course(Course in) {
    return new org.mu1000.platform.training.domain.Course(null, in.getProgrammeId(), in.getTitle(),
        in.getTopic() == null ? null : in.getTopic().value(), in.getDescription(), null, 0);
  }

  static TrainingSession session(org.mu1000.platform.training.domain.TrainingSession s) {
    return new TrainingSession().id(s.id()).courseId(s.courseId()).programmeId(s.programmeId())
        .cooperativeId(s.cooperativeId()).date(s.date()).place(s.place()).trainer(s.trainer())
        .attendees(s.attendees()).createdAt(at(s.createdAt())).version(s.version());
  }

  static org.mu1000.platform.training.domain.TrainingSession session(TrainingSession in) {
    return new org.mu1000.platform.training.domain.TrainingSession(null, in.getCourseId(), null,
        in.getCooperativeId(), in.getDate(), in.getPlace(), in.getTrainer(), 0, null, 0);
  }

  static Attendance attendance(org.mu1000.platform.training.domain.Attendance a) {
    return new Attendance().sessionId(a.sessionId()).courseId(a.courseId()).topic(a.topic()).farmerId(a.farmerId())
        .cooperativeId(a.cooperativeId()).sex(Attendance.SexEnum.fromValue(a.sex()))
        .ageBand(Attendance.AgeBandEnum.fromValue(a.ageBand())).date(a.date()).recordedBy(a.recordedBy())
        .recordedAt(at(a.recordedAt()));
  }

  static AttendanceRecorded recorded(Recorded r) {
    return new AttendanceRecorded().added(r.added()).already(r.already()).attendees(r.attendees());
  }

  static TrainingOutcomes outcomes(Outcomes o) {
    return new TrainingOutcomes().programmeId(o.programmeId()).season(o.season()).courses(o.courses())
        .sessions(o.sessions()).trainedFarmers(o.trainedFarmers()).trainedWomen(o.trainedWomen())
        .trainedWomenShare(o.trainedWomenShare()).ageBands(o.ageBands())
        .groups(o.groups().stream().map(TrainingMapper::group).toList());
  }

  private static TrainingOutcomeGroup group(Group g) {
    return new TrainingOutcomeGroup().group(TrainingOutcomeGroup.GroupEnum.fromValue(g.group())).farmers(g.farmers())
        .suppressed(g.suppressed()).deliveringFarmers(g.deliveringFarmers()).valueUsd(g.valueUsd())
        .areaM2(g.areaM2()).usdPerMu(g.usdPerMu()).kgByGrade(g.kgByGrade()).gradeShare(g.gradeShare());
  }
}
