package org.mu1000.platform.training.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Port: what each farmer of a programme delivered in a season, valued as the impact figures value it (the value
 * chain, which keeps the lots, implements it).
 */
public interface Harvests {
  /** One farmer's deliveries of the season: their value in USD and kilograms by grade. */
  record Delivered(BigDecimal usd, Map<String, BigDecimal> kgByGrade) {}

  Map<String, Delivered> of(Tenant t, String programmeId, String season);
}
