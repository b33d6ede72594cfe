package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.training.domain.Harvests;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** The value chain's answer to the training outcomes: each farmer's harvest lots of a programme, valued and graded. */
@ApplicationScoped
public class ProgrammeHarvests implements Harvests {
  private ValueChain chain;
  private LotService lotService;

  protected ProgrammeHarvests() {}

  @Inject
  public ProgrammeHarvests(ValueChain chain, LotService lotService) {
    this.chain = chain;
    this.lotService = lotService;
  }

  @Override
  public Map<String, Delivered> of(Tenant t, String programmeId, String season) {
    Map<String, PurchaseOrder> orders = new HashMap<>();
    Map<String, GradingStandard> standards = new HashMap<>();
    List<Where> where = new ArrayList<>(List.of(Where.eq("harvest", true), Where.eq("programmeId", programmeId)));
    if (season != null) {
      where.add(Where.eq("season", season));
    }
    Map<String, BigDecimal> usd = new HashMap<>();
    Map<String, Map<String, BigDecimal>> grades = new HashMap<>();
    for (Lot l : chain.store(t).scan(ValueChainStore.LOTS, Where.all(where), HarvestContributions.VALUED,
        Lot.class)) {
      Contribution c = LotService.contributionOf(t, l, lotService.price(t, l, orders, standards)).orElseThrow();
      usd.merge(l.farmerId(), c.usd(), BigDecimal::add);
      grades.computeIfAbsent(l.farmerId(), f -> new HashMap<>()).merge(l.grade() == null ? "ungraded" : l.grade(),
          l.kg(), BigDecimal::add);
    }
    Map<String, Delivered> out = new HashMap<>();
    usd.forEach((f, v) -> out.put(f, new Delivered(v, grades.get(f))));
    return out;
  }
}
