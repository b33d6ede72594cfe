package org.mu1000.platform.training.domain;

import java.time.Instant;
import java.util.Arrays;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** A course a programme teaches its farmers. */
public record Course(String id, String programmeId, String title, String topic, String description,
    Instant createdAt, long version) {

  /** What a course is about. */
  public enum Topic {
    GRADING_STANDARD, POST_HARVEST, AGRONOMY, E_COMMERCE, LIVE_STREAM_SELLING, FINANCE, OTHER;

    public String code() {
      return name().toLowerCase().replace('_', '-');
    }

    public static boolean known(String code) {
      return Arrays.stream(values()).anyMatch(t -> t.code().equals(code));
    }

    public static String codes() {
      return String.join(", ", Arrays.stream(values()).map(Topic::code).toList());
    }
  }

  public void validate() {
    violations().throwIfAny();
  }

  /** Every problem of the course as given. */
  public Violations violations() {
    Violations v = new Violations();
    v.require(programmeId != null && !programmeId.isBlank(), "programmeId", "is required");
    v.require(title != null && !title.isBlank(), "title", "is required");
    Texts.check(v, "title", title);
    v.require(topic != null && Topic.known(topic), "topic", "must be one of " + Topic.codes());
    v.require(description == null || description.length() <= 2000, "description", "is at most 2,000 characters");
    return v;
  }
}
