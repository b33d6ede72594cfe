package org.mu1000.platform.impact.domain;

import java.time.Instant;
import org.mu1000.platform.shared.domain.Violations;

/**
 * The people a cooperative employs for a programme in processing, warehouses and logistics over one period (a month,
 * {@code 2026-05}, or a quarter, {@code 2026-Q2}), as the cooperative declares them. One declaration per programme,
 * cooperative and period: declaring again replaces it.
 */
public record JobsDeclaration(String id, String programmeId, String cooperativeId, String period, Jobs processing,
    Jobs warehouses, Jobs logistics, String declaredBy, Instant declaredAt, long version) {

  /** Women and men employed. */
  public record Jobs(int women, int men) {
    public static final Jobs NONE = new Jobs(0, 0);

    public int total() {
      return women + men;
    }

    public Jobs plus(Jobs o) {
      return new Jobs(women + o.women, men + o.men);
    }
  }

  public JobsDeclaration {
    processing = processing == null ? Jobs.NONE : processing;
    warehouses = warehouses == null ? Jobs.NONE : warehouses;
    logistics = logistics == null ? Jobs.NONE : logistics;
  }

  public static String id(String programmeId, String cooperativeId, String period) {
    return programmeId + ":" + cooperativeId + ":" + period;
  }

  public Jobs total() {
    return processing.plus(warehouses).plus(logistics);
  }

  /** Periods sort as text: a year's months and quarters in order, quarters after the months of their year. */
  public static boolean validPeriod(String p) {
    return p != null && p.matches("(19|20)\\d\\d-((0[1-9]|1[0-2])|Q[1-4])");
  }

  public void validate() {
    Violations v = new Violations();
    v.require(programmeId != null && !programmeId.isBlank(), "programmeId", "is required");
    v.require(cooperativeId != null && !cooperativeId.isBlank(), "cooperativeId", "is required");
    v.require(validPeriod(period), "period", "must be a month (2026-05) or a quarter (2026-Q2)");
    check(v, "processing", processing);
    check(v, "warehouses", warehouses);
    check(v, "logistics", logistics);
    v.throwIfAny();
  }

  private static void check(Violations v, String field, Jobs j) {
    v.require(j.women() >= 0 && j.women() <= 100_000, field + ".women", "must be 0 to 100,000");
    v.require(j.men() >= 0 && j.men() <= 100_000, field + ".men", "must be 0 to 100,000");
  }
}
