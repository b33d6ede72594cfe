package org.mu1000.platform.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.mu1000.platform.impact.domain.TrainedFarmers;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Training's answer to the donors' reports: each farmer who attended a session of the programme, counted once, and
 * the trained beside the not-yet-trained.
 */
@ApplicationScoped
public class TrainedBySex implements TrainedFarmers {
  private TrainingOutcomes outcomes;

  protected TrainedBySex() {}

  @Inject
  public TrainedBySex(TrainingOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public java.util.List<Group> compared(Tenant t, String programmeId, String season) {
    return outcomes.compute(t, programmeId, season, false).groups().stream().map(g -> new Group(g.group(),
        g.farmers(), g.usdPerMu())).toList();
  }

  @Override
  public Map<String, Integer> bySex(Tenant t, String programmeId) {
    Map<String, Integer> out = new TreeMap<>();
    outcomes.trained(t, programmeId).values().forEach(a -> out.merge(a.sex(), 1, Integer::sum));
    return out;
  }
}
