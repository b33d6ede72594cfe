package org.mu1000.platform.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanTest {
  static final LocalDate START = LocalDate.of(2026, 3, 15);

  static BigDecimal sum(List<Loan.Instalment> s, boolean interest) {
    return s.stream().map(i -> interest ? i.interest() : i.principal()).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void flatInterestIsOnThePrincipalForTheWholeTermAndTheInstalmentsAddUpExactly() {
    // 100,000 RWF at 18 % a year for 7 months: 10,500 interest; 100,000 / 7 does not divide evenly
    List<Loan.Instalment> s = Loan.schedule(new BigDecimal("100000"), new BigDecimal("18"), "flat", 7, START, 0);
    assertEquals(7, s.size());
    assertEquals(0, new BigDecimal("100000").compareTo(sum(s, false)));
    assertEquals(0, new BigDecimal("10500").compareTo(sum(s, true)));
    assertEquals(new BigDecimal("14285"), s.get(0).principal());
    assertEquals(new BigDecimal("14290"), s.get(6).principal());
    assertEquals(new BigDecimal("1500"), s.get(0).interest());
    assertEquals(LocalDate.of(2026, 4, 15), s.get(0).due());
    assertEquals(LocalDate.of(2026, 10, 15), s.get(6).due());
  }

  @Test
  void decliningInterestIsOnWhatIsStillOwedEachMonth() {
    // 1,200.00 at 12 % a year over 3 months: 1 % a month on 1,200, 800, 400
    List<Loan.Instalment> s = Loan.schedule(new BigDecimal("1200.00"), new BigDecimal("12"), "declining", 3, START, 2);
    assertEquals(List.of(new BigDecimal("12.00"), new BigDecimal("8.00"), new BigDecimal("4.00")),
        s.stream().map(Loan.Instalment::interest).toList());
    assertEquals(0, new BigDecimal("1200").compareTo(sum(s, false)));
  }

  @Test
  void repaymentsGoToTheInstalmentsInOrderAndWhatIsLateIsOverdue() {
    Loan l = loan(Loan.schedule(new BigDecimal("2000"), new BigDecimal("24"), "flat", 2, START, 0));
    // 20 days after the first instalment fell due, nothing repaid
    Loan.Standing s = l.standing(BigDecimal.ZERO, START.plusMonths(1).plusDays(20));
    assertEquals(0, new BigDecimal("1040").compareTo(s.overdue()));
    assertEquals(20, s.daysOverdue());
    assertEquals("overdue", s.instalments().get(0).status());
    assertEquals("scheduled", s.instalments().get(1).status());
    // 1,100 repaid: the first instalment in full, 60 of the second (its interest first)
    s = l.standing(new BigDecimal("1100"), START.plusMonths(2));
    assertEquals("paid", s.instalments().get(0).status());
    assertEquals("due", s.instalments().get(1).status());
    assertEquals(0, new BigDecimal("60").compareTo(s.instalments().get(1).paid()));
    assertEquals(0, new BigDecimal("80").compareTo(s.interestRepaid()));
    assertEquals(0, new BigDecimal("980").compareTo(s.outstanding()));
    assertEquals(0, s.daysOverdue());
    assertEquals(0, new BigDecimal("2080").compareTo(l.dueBy(START.plusMonths(2))));
    assertEquals(0, new BigDecimal("1040").compareTo(l.dueBy(START.plusMonths(2).minusDays(1))));
  }

  static Loan loan(List<Loan.Instalment> schedule) {
    return new Loan("ln1", "f1", "c1", "p1", "o1", "PO-1", "s1", "Agro", null, new BigDecimal("2000"), "RWF",
        new BigDecimal("24"), "flat", 2, new BigDecimal("3000"), Loan.Status.DISBURSED, schedule, "u1", "ana",
        null, "ben", null, null, "ana", START, "INV", null, 0);
  }
}
