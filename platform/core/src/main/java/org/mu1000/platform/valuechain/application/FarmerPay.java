package org.mu1000.platform.valuechain.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.Lot;

/** Port: what the farmers behind harvest lots were paid, answered by whoever pays them (the finance context). */
public interface FarmerPay {
  /** Their pay per kg, in the tenant's currency and in USD. */
  record Paid(BigDecimal perKg, String currency, BigDecimal usdPerKg) {}

  /** The farmers' pay per kg of these harvest lots, once every one of them has been paid; empty before. */
  Optional<Paid> paidFor(Tenant t, List<Lot> harvests);
}
