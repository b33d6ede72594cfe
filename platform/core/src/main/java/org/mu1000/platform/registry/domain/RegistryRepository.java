package org.mu1000.platform.registry.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.shared.domain.Batch;

/** Port: the registry's aggregates in the current tenant's database. Writes are version-checked. */
public interface RegistryRepository {
  record FarmerFilter(String cooperativeId, java.util.Set<String> cooperativeScope, String programmeId, Sex sex,
      String namePrefix) {}

  record Page<T>(List<T> items, long total) {}

  Optional<Farmer> farmer(String id);

  Page<Farmer> farmers(FarmerFilter filter, String sortField, boolean ascending, int page, int size);

  boolean insert(Farmer f);

  Optional<Farmer> replace(Farmer f);

  boolean deleteFarmer(String id, long version);

  /** Claims an external id for a farmer in a cooperative; returns the farmer id that holds it (maybe another). */
  String claimExternalId(String cooperativeId, String externalId, String farmerId);

  Optional<String> farmerByExternalId(String cooperativeId, String externalId);

  /** Claims a plot's external id within its farmer; returns the plot id that holds it. */
  String claimPlotExternalId(String farmerId, String externalId, String plotId);

  Optional<String> plotByExternalId(String farmerId, String externalId);

  /** The farmers that hold these external ids of a cooperative, in one read: external id → farmer id. */
  Map<String, String> farmersByExternalIds(String cooperativeId, Collection<String> externalIds);

  /**
   * Adds the claim of a new farmer's external id to a batch. Claims go first in a batch: one another farmer took
   * meanwhile fails the batch as a duplicate before anything else of it is written (in a resumed batch too, where
   * the farmer's own claim is kept).
   */
  void claim(Batch batch, Farmer f);

  /** Adds the claim of a new plot's external id within its farmer to a batch. */
  void claim(Batch batch, Plot p);

  /** Adds a new farmer to a batch, at version 1. */
  void insert(Batch batch, Farmer f);

  /** Adds a new plot to a batch, at version 1. */
  void insert(Batch batch, Plot p);

  Optional<Plot> plot(String id);

  /** Every live farmer, streamed (one pass; for rebuilding figures at scale). */
  void forEachFarmer(java.util.function.Consumer<Farmer> action);

  /** Every live plot, streamed. */
  void forEachPlot(java.util.function.Consumer<Plot> action);

  List<Plot> plotsOf(String farmerId);

  boolean insert(Plot p);

  Optional<Plot> replace(Plot p);

  boolean deletePlot(String id, long version);

  Optional<Cooperative> cooperative(String id);

  List<Cooperative> cooperatives();

  boolean insert(Cooperative c);

  Optional<Cooperative> replace(Cooperative c);

  boolean deleteCooperative(String id, long version);

  Optional<Programme> programme(String id);

  List<Programme> programmes();

  boolean insert(Programme p);

  Optional<Programme> replace(Programme p);

  boolean deleteProgramme(String id, long version);

  /** Gives the registry of a tenant. */
  interface Stores {
    RegistryRepository of(org.mu1000.platform.kernel.TenantHome tenant);
  }
}
