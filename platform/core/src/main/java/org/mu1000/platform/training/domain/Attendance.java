package org.mu1000.platform.training.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A farmer at a session, with their sex and age band as the registry had them on the day (so the figures stay what
 * they were if the registry changes later). Its id is the session's and the farmer's: recording it again is a no-op.
 */
public record Attendance(String id, String sessionId, String courseId, String topic, String programmeId,
    String cooperativeId, String farmerId, String sex, String ageBand, LocalDate date, String recordedBy,
    Instant recordedAt, long version) {

  public static String id(String sessionId, String farmerId) {
    return sessionId + ":" + farmerId;
  }
}
