package org.mu1000.platform.training.domain;

import java.time.LocalDate;
import java.util.List;

/** The age bands attendance is counted in (youth as most programmes define it: under 25; then by ten years). */
public final class AgeBand {
  public static final List<String> BANDS = List.of("under-25", "25-34", "35-44", "45-54", "55-plus", "unknown");

  private AgeBand() {}

  /** The band of someone born in {@code birthYear} on {@code day} (their age that year), or "unknown". */
  public static String of(Integer birthYear, LocalDate day) {
    if (birthYear == null || day == null || birthYear > day.getYear()) {
      return "unknown";
    }
    int age = day.getYear() - birthYear;
    if (age < 25) {
      return "under-25";
    }
    if (age >= 55) {
      return "55-plus";
    }
    int from = 25 + (age - 25) / 10 * 10;
    return from + "-" + (from + 9);
  }
}
