package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

/**
 * An input loan against a confirmed order: applied for by a cooperative manager for a farmer with a quota on it,
 * approved by another person, paid to an input supplier, and repaid from the farmer's payouts as its instalments fall
 * due. What was repaid is not kept here but read from the ledger, which is the one place money is written.
 */
public record Loan(
    String id,
    String farmerId,
    String cooperativeId,
    String programmeId,
    String orderId,
    String orderNumber,
    String supplierId,
    String supplierName,
    String purpose,
    BigDecimal principal,
    String currency,
    BigDecimal annualRatePercent,
    String interestMethod,
    int termMonths,
    BigDecimal limit,
    Status status,
    List<Instalment> schedule,
    String appliedBy,
    String appliedByName,
    Instant appliedAt,
    String approvedByName,
    Instant approvedAt,
    String decisionReason,
    String disbursedByName,
    LocalDate disbursedOn,
    String supplierReference,
    BigDecimal writtenOff,
    long version) {

  public Loan {
    schedule = List.copyOf(schedule);
  }

  public enum Status {
    APPLIED, APPROVED, REJECTED, DISBURSED, REPAID, WRITTEN_OFF;

    public String code() {
      return name().toLowerCase().replace('_', '-');
    }

    public static Status of(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      return null;
    }

    /** Disbursed and still owing, or ended owing nothing more. */
    public boolean disbursed() {
      return this == DISBURSED || this == REPAID || this == WRITTEN_OFF;
    }
  }

  /** One instalment: the principal and interest due on a day. */
  public record Instalment(int number, LocalDate due, BigDecimal principal, BigDecimal interest) {
    public BigDecimal amount() {
      return principal.add(interest);
    }
  }

  /**
   * Monthly instalments from {@code start}: the principal split evenly (the last one takes the rounding); interest
   * {@code flat} on the whole principal for the whole term, split the same way, or {@code declining}, each month on
   * what is still owed. Amounts to {@code scale} decimals (the currency's minor unit).
   */
  public static List<Instalment> schedule(BigDecimal principal, BigDecimal annualRatePercent, String method,
      int termMonths, LocalDate start, int scale) {
    BigDecimal monthlyRate = annualRatePercent.divide(BigDecimal.valueOf(1200), 12, RoundingMode.HALF_EVEN);
    BigDecimal each = principal.divide(BigDecimal.valueOf(termMonths), scale, RoundingMode.DOWN);
    BigDecimal flatInterest = principal.multiply(monthlyRate).multiply(BigDecimal.valueOf(termMonths))
        .setScale(scale, RoundingMode.HALF_EVEN);
    BigDecimal flatEach = flatInterest.divide(BigDecimal.valueOf(termMonths), scale, RoundingMode.DOWN);
    List<Instalment> out = new ArrayList<>();
    BigDecimal owed = principal;
    for (int n = 1; n <= termMonths; n++) {
      boolean last = n == termMonths;
      BigDecimal p = last ? owed : each;
      BigDecimal i = "declining".equals(method)
          ? owed.multiply(monthlyRate).setScale(scale, RoundingMode.HALF_EVEN)
          : last ? flatInterest.subtract(flatEach.multiply(BigDecimal.valueOf(termMonths - 1))) : flatEach;
      out.add(new Instalment(n, start.plusMonths(n), p, i));
      owed = owed.subtract(p);
    }
    return out;
  }

  public BigDecimal interest() {
    return schedule.stream().map(Instalment::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Principal and interest of the whole schedule. */
  public BigDecimal total() {
    return principal.add(interest());
  }

  /** What has fallen due by {@code day}. */
  public BigDecimal dueBy(LocalDate day) {
    return schedule.stream().filter(x -> !x.due().isAfter(day)).map(Instalment::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** One instalment as it stands: what of it was repaid, and whether it is scheduled, due, paid or overdue. */
  public record InstalmentState(Instalment instalment, BigDecimal paid, String status) {}

  /** The loan as it stands on {@code today}, given what was repaid in all. */
  public record Standing(BigDecimal repaid, BigDecimal outstanding, BigDecimal overdue, int daysOverdue,
      BigDecimal interestRepaid, List<InstalmentState> instalments) {}

  /** Repayments go to the instalments in order, within each to its interest first. */
  public Standing standing(BigDecimal repaid, LocalDate today) {
    BigDecimal left = repaid;
    BigDecimal interestRepaid = BigDecimal.ZERO;
    BigDecimal overdue = BigDecimal.ZERO;
    LocalDate oldestUnpaid = null;
    List<InstalmentState> states = new ArrayList<>();
    for (Instalment x : schedule) {
      BigDecimal paid = left.min(x.amount()).max(BigDecimal.ZERO);
      left = left.subtract(paid);
      interestRepaid = interestRepaid.add(paid.min(x.interest()));
      boolean full = paid.compareTo(x.amount()) >= 0;
      String state;
      if (full) {
        state = "paid";
      } else if (status == Status.WRITTEN_OFF) {
        state = "written-off";
      } else if (x.due().isBefore(today)) {
        state = "overdue";
        overdue = overdue.add(x.amount().subtract(paid));
        oldestUnpaid = oldestUnpaid == null ? x.due() : oldestUnpaid;
      } else if (x.due().isEqual(today)) {
        state = "due";
        overdue = overdue.add(x.amount().subtract(paid));
      } else {
        state = "scheduled";
      }
      states.add(new InstalmentState(x, paid, state));
    }
    boolean open = status == Status.DISBURSED;
    BigDecimal outstanding = open ? total().subtract(repaid).max(BigDecimal.ZERO) : BigDecimal.ZERO;
    int days = open && oldestUnpaid != null ? (int) ChronoUnit.DAYS.between(oldestUnpaid, today) : 0;
    return new Standing(repaid, outstanding, open ? overdue : BigDecimal.ZERO, days, interestRepaid, states);
  }

  // ---- the lifecycle ----

  private Loan with(Status next, List<Instalment> sched, String approvedByName, Instant approvedAt, String reason,
      String disbursedByName, LocalDate disbursedOn, String supplierReference, BigDecimal writtenOff) {
    return new Loan(id, farmerId, cooperativeId, programmeId, orderId, orderNumber, supplierId, supplierName, purpose,
        principal, currency, annualRatePercent, interestMethod, termMonths, limit, next, sched, appliedBy,
        appliedByName, appliedAt, approvedByName, approvedAt, reason, disbursedByName, disbursedOn, supplierReference,
        writtenOff, version);
  }

  private void require(Status expected, String doing) {
    if (status != expected) {
      throw new DomainException(Kind.CONFLICT, "loan " + id + " is " + status.code() + "; only a loan that is "
          + expected.code() + " can be " + doing);
    }
  }

  /** Approved by someone other than the person who applied (four eyes). */
  public Loan approved(Caller c, Instant now) {
    require(Status.APPLIED, "approved");
    if (c.subject().equals(appliedBy)) {
      throw DomainException.forbidden("four eyes: the person who applied for loan " + id
          + " cannot approve it; another manager or an administrator must");
    }
    return with(Status.APPROVED, schedule, c.username(), now, null, null, null, null, null);
  }

  public Loan rejected(Caller c, Instant now, String reason) {
    if (status != Status.APPLIED && status != Status.APPROVED) {
      throw new DomainException(Kind.CONFLICT, "loan " + id + " is " + status.code()
          + "; only a loan not yet disbursed can be rejected");
    }
    return with(Status.REJECTED, schedule, c.username(), now, reason, null, null, null, null);
  }

  /** Paid to the supplier on {@code day}: the schedule starts then. */
  public Loan disbursed(Caller c, LocalDate day, String reference, int scale) {
    require(Status.APPROVED, "disbursed");
    return with(Status.DISBURSED, schedule(principal, annualRatePercent, interestMethod, termMonths, day, scale),
        approvedByName, approvedAt, decisionReason, c.username(), day, reference, null);
  }

  public Loan repaid() {
    require(Status.DISBURSED, "repaid");
    return with(Status.REPAID, schedule, approvedByName, approvedAt, decisionReason, disbursedByName, disbursedOn,
        supplierReference, null);
  }

  public Loan writtenOff(BigDecimal amount, String reason) {
    require(Status.DISBURSED, "written off");
    return with(Status.WRITTEN_OFF, schedule, approvedByName, approvedAt, reason, disbursedByName, disbursedOn,
        supplierReference, amount);
  }
}
