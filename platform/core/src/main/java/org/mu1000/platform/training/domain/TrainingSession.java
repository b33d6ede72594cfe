package org.mu1000.platform.training.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** One session of a course: when and where it was taught, by whom, to a cooperative's farmers. */
public record TrainingSession(String id, String courseId, String programmeId, String cooperativeId, LocalDate date,
    String place, String trainer, int attendees, Instant createdAt, long version) {

  public TrainingSession withAttendees(int n) {
    return new TrainingSession(id, courseId, programmeId, cooperativeId, date, place, trainer, n, createdAt, version);
  }

  /** A session is recorded once it took place, or planned up to a year ahead. */
  public void validate(LocalDate today) {
    Violations v = new Violations();
    v.require(courseId != null && !courseId.isBlank(), "courseId", "is required");
    v.require(cooperativeId != null && !cooperativeId.isBlank(), "cooperativeId", "is required");
    v.require(date != null, "date", "is required");
    v.require(date == null || !date.isAfter(today.plusYears(1)), "date", "is more than a year ahead");
    v.require(date == null || date.getYear() >= 2000, "date", "is before 2000");
    v.require(place != null && !place.isBlank(), "place", "is required");
    Texts.check(v, "place", place);
    v.require(trainer != null && !trainer.isBlank(), "trainer", "is required");
    Texts.check(v, "trainer", trainer);
    v.throwIfAny();
  }
}
