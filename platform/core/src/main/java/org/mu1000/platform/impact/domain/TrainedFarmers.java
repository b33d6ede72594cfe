package org.mu1000.platform.impact.domain;

import java.util.Map;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Port: how many farmers a programme has trained, by sex (female, male, other, unknown), and how the trained fare
 * beside the others; training implements it.
 */
public interface TrainedFarmers {
  Map<String, Integer> bySex(Tenant t, String programmeId);

  /** A group of a programme's farmers (trained, not-yet-trained): how many, and their USD per mu in the season. */
  record Group(String name, int farmers, java.math.BigDecimal usdPerMu) {}

  /** The trained beside the not-yet-trained farmers of a programme, in a season. */
  java.util.List<Group> compared(Tenant t, String programmeId, String season);
}
