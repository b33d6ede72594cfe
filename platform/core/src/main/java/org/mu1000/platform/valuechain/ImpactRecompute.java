package org.mu1000.platform.valuechain;

import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mu1000.platform.impact.ImpactRebuild;
import org.mu1000.platform.impact.ImpactService;
import org.mu1000.platform.impact.ImpactService.Contribution;
import org.mu1000.platform.security.Caller;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.infrastructure.mongo.ValueChainStore;

/**
 * The admin rebuild of every impact rollup from the raw lots and the registry, compared with the live figures.
 */
@ApplicationScoped
public class ImpactRecompute {
  private ValueChain chain;
  private ImpactRebuild impact;
  private LotService lotService;

  protected ImpactRecompute() {}

  @Inject
  public ImpactRecompute(ValueChain chain, ImpactRebuild impact, LotService lotService) {
    this.chain = chain;
    this.impact = impact;
    this.lotService = lotService;
  }

  /** Rebuilds the tenant's impact rollups from every harvest lot and the registry (admin action). */
  public Map<String, Object> recomputeImpact(Tenant t, Caller c) {
    ValueChain.require(c.mayAdministerTenant(), "only tenant admins recompute the impact figures");
    Map<String, Object> before = impact.snapshot(t);
    Map<String, PurchaseOrder> orderCache = new HashMap<>();
    Map<String, GradingStandard> stdCache = new HashMap<>();
    // only what a lot's value and place need: the embedded store holds a query's whole answer until it is read,
    // and 3.6 million full lots did not fit its 8 GB heap
    var lots = chain.store(t).database().getCollection(ValueChainStore.LOTS)
        .find(Filters.and(Filters.eq("harvest", true), Filters.eq("deleted", false))).batchSize(1000)
        .projection(com.mongodb.client.model.Projections.include("harvest", "kg", "harvestDate", "season",
            "programmeId", "plotId", "farmerId", "cooperativeId", "orderId", "orderLineId", "standardVersion",
            "grade"));
    Iterable<Contribution> contributions = () -> new java.util.Iterator<>() {
      final java.util.Iterator<org.bson.Document> it = lots.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Contribution next() {
        Lot l = org.mu1000.platform.persistence.RecordDocs.fromDoc(it.next(), Lot.class);
        return ImpactService.contribution(t, l, lotService.price(t, l, orderCache, stdCache)).orElseThrow();
      }
    };
    Map<String, Object> out = new LinkedHashMap<>(impact.recompute(t, c, contributions));
    Map<String, Object> after = impact.snapshot(t);
    List<String> differences = new ArrayList<>();
    for (String k : new java.util.TreeSet<>(after.keySet())) {
      if (!java.util.Objects.equals(before.get(k), after.get(k))) {
        differences.add(k);
      }
    }
    before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(differences::add);
    out.put("identical", differences.isEmpty());
    out.put("differences", differences.stream().limit(20).toList());
    chain.audit(t, c, "impact.recomputed", "impact", t.id(), null, out);
    return out;
  }
}
