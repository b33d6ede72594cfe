package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Port: what farmers were actually paid (their payouts the provider confirmed), as the household income behind the
 * poverty-line figure "on payouts", beside the figure on the value of the lots they delivered.
 */
public interface PaidIncome {
  /** What each farmer was paid, in the tenant currency, in the 365 days up to and including {@code today}. */
  Map<String, BigDecimal> paidWithinYear(Tenant t, LocalDate today);
}
