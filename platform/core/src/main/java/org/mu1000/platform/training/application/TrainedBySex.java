package org.mu1000.platform.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.mu1000.platform.impact.domain.TrainedFarmers;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.Attendance;
import org.mu1000.platform.training.domain.TrainingStore;

/**
 * Training's answer to the donors' reports: each farmer who attended a session of the programme, counted once, and
 * the trained beside the not-yet-trained.
 */
@ApplicationScoped
public class TrainedBySex implements TrainedFarmers {
  private TrainingStore.Stores stores;
  private TrainingOutcomes outcomes;

  protected TrainedBySex() {}

  @Inject
  public TrainedBySex(TrainingStore.Stores stores, TrainingOutcomes outcomes) {
    this.stores = stores;
    this.outcomes = outcomes;
  }

  @Override
  public java.util.List<Group> compared(Tenant t, String programmeId, String season) {
    return outcomes.compute(t, programmeId, season, false).groups().stream().map(g -> new Group(g.group(),
        g.farmers(), g.usdPerMu())).toList();
  }

  @Override
  public Map<String, Integer> bySex(Tenant t, String programmeId) {
    Map<String, String> farmers = new HashMap<>();
    for (Attendance a : stores.of(t).scan(TrainingStore.ATTENDANCE, Where.eq("programmeId", programmeId),
        TrainingStore.COUNTED, Attendance.class)) {
      farmers.putIfAbsent(a.farmerId(), a.sex());
    }
    Map<String, Integer> out = new TreeMap<>();
    farmers.values().forEach(s -> out.merge(s, 1, Integer::sum));
    return out;
  }
}
