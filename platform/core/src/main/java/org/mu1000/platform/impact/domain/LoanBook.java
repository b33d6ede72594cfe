package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: what input loans a programme has disbursed, in the tenant's currency (finance implements it). */
public interface LoanBook {
  BigDecimal disbursed(Tenant t, String programmeId);
}
