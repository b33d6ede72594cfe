package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;

/** A farmer's plots. Access follows the farmer's cooperative. */
@ApplicationScoped
public class PlotService {
  private Registry registry;
  private FarmerService farmers;

  protected PlotService() {}

  @Inject
  public PlotService(Registry registry, FarmerService farmers) {
    this.registry = registry;
    this.farmers = farmers;
  }

  public List<Plot> of(Tenant t, Caller c, String farmerId) {
    farmers.get(t, c, farmerId);
    return registry.repository(t).plotsOf(farmerId);
  }

  public Plot get(Tenant t, Caller c, String id) {
    return owned(t, c, id).plot();
  }

  private record Owned(Plot plot, Farmer farmer) {}

  /** The plot and its farmer, if the caller may see that farmer; otherwise the plot does not exist for them. */
  private Owned owned(Tenant t, Caller c, String id) {
    Plot p = registry.repository(t).plot(id).orElseThrow(() -> DomainException.notFound("plot", id));
    try {
      return new Owned(p, farmers.get(t, c, p.farmerId()));
    } catch (DomainException e) {
      throw DomainException.notFound("plot", id);
    }
  }

  public Plot create(Tenant t, Caller c, String farmerId, String externalId, String crop, Integer plantingYear,
      Map<String, Object> geometry, BigDecimal declaredAreaM2) {
    return create(t, c, Ids.next("pl"), farmerId, externalId, crop, plantingYear, geometry, declaredAreaM2);
  }

  /** A new plot with a given id: one whose external id was claimed for it by a write that did not complete. */
  public Plot create(Tenant t, Caller c, String id, String farmerId, String externalId, String crop,
      Integer plantingYear, Map<String, Object> geometry, BigDecimal declaredAreaM2) {
    Farmer f = farmers.get(t, c, farmerId);
    FarmerService.requireWrite(c, f.cooperativeId());
    Plot p = Plot.measured(id, farmerId, externalId, crop, plantingYear, geometry, declaredAreaM2, 0,
        t.config().maxPlotAreaM2());
    registry.repository(t).insert(p);
    Plot saved = registry.repository(t).plot(p.id()).orElseThrow();
    registry.audit(t, c.username(), "plot.created", "plot", saved.id(), null, saved);
    registry.publish(t, "plot.created", saved.id(), Registry.view(saved));
    return saved;
  }

  public Plot update(Tenant t, Caller c, String id, String externalId, String crop, Integer plantingYear,
      Map<String, Object> geometry, BigDecimal declaredAreaM2, long expectedVersion) {
    Owned owned = owned(t, c, id);
    Plot current = owned.plot();
    FarmerService.requireWrite(c, owned.farmer().cooperativeId());
    if (current.version() != expectedVersion) {
      throw Registry.stale("plot", id);
    }
    Plot next = Plot.measured(id, current.farmerId(), externalId, crop, plantingYear, geometry, declaredAreaM2,
        expectedVersion, t.config().maxPlotAreaM2());
    Plot saved = registry.repository(t).replace(next).orElseThrow(() -> Registry.stale("plot", id));
    registry.audit(t, c.username(), "plot.updated", "plot", id, current, saved);
    registry.publish(t, "plot.updated", id, Registry.view(saved));
    return saved;
  }

  public void delete(Tenant t, Caller c, String id, long expectedVersion) {
    Owned owned = owned(t, c, id);
    Plot current = owned.plot();
    FarmerService.requireWrite(c, owned.farmer().cooperativeId());
    if (!registry.repository(t).deletePlot(id, expectedVersion)) {
      throw Registry.stale("plot", id);
    }
    registry.audit(t, c.username(), "plot.deleted", "plot", id, current, null);
    registry.publish(t, "plot.deleted", id, Registry.view(current));
  }
}
