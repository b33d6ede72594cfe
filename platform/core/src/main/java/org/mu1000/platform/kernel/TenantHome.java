package org.mu1000.platform.kernel;

/**
 * Where a tenant's data lives: its id (which names its database) and the connection string of its own deployment,
 * or null when it shares the platform's. What a store needs to know of a tenant, and nothing more.
 */
public interface TenantHome {
  String id();

  /** The connection string of the tenant's own deployment; null or blank for the platform's. */
  String deployment();

  /** A tenant's home as such: for tools and tests that have no tenant record. */
  static TenantHome of(String id, String deployment) {
    record Home(String id, String deployment) implements TenantHome {}
    return new Home(id, deployment);
  }
}
