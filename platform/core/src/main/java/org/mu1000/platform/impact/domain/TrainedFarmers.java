package org.mu1000.platform.impact.domain;

import java.util.Map;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: how many farmers a programme has trained, by sex (female, male, other, unknown); training implements it. */
public interface TrainedFarmers {
  Map<String, Integer> bySex(Tenant t, String programmeId);
}
