package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.impact.domain.HarvestLots;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.PurchaseOrder;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** The value chain's answer to the impact rebuild: every harvest lot, valued as the live figures value it. */
@ApplicationScoped
public class HarvestContributions implements HarvestLots {
  /** The fields of a lot its value and place are read from. */
  static final List<String> VALUED = List.of("version", "harvest", "kg", "harvestDate", "season", "programmeId",
      "plotId", "farmerId", "cooperativeId", "orderId", "orderLineId", "standardVersion", "grade");

  private ValueChain chain;
  private LotService lotService;

  protected HarvestContributions() {}

  @Inject
  public HarvestContributions(ValueChain chain, LotService lotService) {
    this.chain = chain;
    this.lotService = lotService;
  }

  @Override
  public Iterable<Contribution> contributions(Tenant t) {
    Map<String, PurchaseOrder> orderCache = new HashMap<>();
    Map<String, GradingStandard> stdCache = new HashMap<>();
    // only what a lot's value and place need: the local store holds a query's whole answer until it is read,
    // and 3.6 million full lots did not fit its 8 GB heap
    Iterable<Lot> lots = chain.store(t).scan(ValueChainStore.LOTS, Where.eq("harvest", true), VALUED, Lot.class);
    return () -> new Iterator<>() {
      final Iterator<Lot> it = lots.iterator();

      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public Contribution next() {
        Lot l = it.next();
        return LotService.contributionOf(t, l, lotService.price(t, l, orderCache, stdCache)).orElseThrow();
      }
    };
  }
}
