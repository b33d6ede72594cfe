package org.mu1000.platform.impact.domain;

import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.Batch;

/** Port: where a tenant's rollups live, and the writes of them that go with other writes in one batch. */
public interface RollupStore {
  /** The sums by season of plots, cooperatives and programmes. */
  String ROLLUPS = "impact_rollups";
  /** Enrolments (a farmer's also holds their sums by season and their household's payouts) and enrolled areas. */
  String AREAS = "impact_areas";

  /** The tenant's rollups of one kind ({@link #ROLLUPS} or {@link #AREAS}), changed in place. */
  RollupTable table(TenantHome tenant, String kind);

  /** Adds increments (creating rollups as needed) to a batch of the tenant's deployment. */
  void inc(Batch batch, TenantHome tenant, String kind, List<RollupTable.Inc> incs);

  /** Adds a new rollup (with its version) to a batch. */
  void insert(Batch batch, TenantHome tenant, String kind, Rollup rollup);

  /**
   * Adds increments to a batch that apply once for {@code key}: each rollup remembers the last keys applied to it,
   * so the batch written again after an interruption does not count twice what it counted.
   */
  void incOnce(Batch batch, TenantHome tenant, String kind, List<RollupTable.Inc> incs, String key);

  /** Adds an increment to a batch, to apply only if the rollup is still at {@code version} when the batch runs. */
  void incIfVersion(Batch batch, TenantHome tenant, String kind, RollupTable.Inc inc, Object version);

  /** Replaces every rollup of the kind with the given ones, each at version 1. */
  void replaceAll(TenantHome tenant, String kind, Collection<Rollup> rollups);

  /** Every rollup of the kind, read as a stream. */
  void forEach(TenantHome tenant, String kind, BiConsumer<String, Rollup> each);
}
