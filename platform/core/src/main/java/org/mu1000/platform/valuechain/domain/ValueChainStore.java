package org.mu1000.platform.valuechain.domain;

import org.mu1000.platform.shared.domain.Records;

/** Port: the value chain's records (lots, orders, ...) in one tenant's store. */
public interface ValueChainStore extends Records {
  String STANDARDS = "grading_standards";
  String ORDERS = "purchase_orders";
  String PLANS = "production_plans";
  String LOTS = "lots";
  String DELIVERIES = "deliveries";
  String WAREHOUSES = "warehouses";
  String TRANSFORMATIONS = "transformations";
  String SHIPMENTS = "shipments";

  /** Gives the store of a tenant. */
  interface Stores {
    ValueChainStore of(org.mu1000.platform.tenancy.domain.Tenant tenant);
  }
}
