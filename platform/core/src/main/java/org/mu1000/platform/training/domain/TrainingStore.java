package org.mu1000.platform.training.domain;

import org.mu1000.platform.shared.domain.Records;

/** Port: courses, sessions and attendance in one tenant's store. */
public interface TrainingStore extends Records {
  String COURSES = "training_courses";
  String SESSIONS = "training_sessions";
  String ATTENDANCE = "training_attendance";
  /** The fields of an attendance the figures count with. */
  java.util.List<String> COUNTED = java.util.List.of("farmerId", "sex", "ageBand", "date", "version");

  /** Gives the store of a tenant. */
  interface Stores {
    TrainingStore of(org.mu1000.platform.tenancy.domain.Tenant tenant);
  }
}
