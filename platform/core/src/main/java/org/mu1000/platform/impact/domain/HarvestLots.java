package org.mu1000.platform.impact.domain;

import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Every harvest lot of a tenant as a contribution to the figures, for the rebuild (a port the impact context owns; the
 * value chain, which keeps the lots, implements it). Read as a stream: a tenant may hold millions of lots.
 */
public interface HarvestLots {
  Iterable<Contribution> contributions(Tenant t);
}
