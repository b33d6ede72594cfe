package org.mu1000.platform.health;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.mu1000.platform.identity.infrastructure.keycloak.KeycloakAdmin;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;

/**
 * Ready means both the database and the identity provider answer. The data grid is reported beside them (how many
 * servers have joined it) but never makes a server unready: one server alone serves every request.
 */
public final class ReadinessChecks {
  private ReadinessChecks() {}

  @Readiness
  @ApplicationScoped
  public static class MongoCheck implements HealthCheck {
    @Inject
    Mongo mongo;

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("mongodb").status(mongo.ping()).build();
    }
  }

  @Readiness
  @ApplicationScoped
  public static class KeycloakCheck implements HealthCheck {
    @Inject
    KeycloakAdmin keycloak;

    @Override
    public HealthCheckResponse call() {
      return HealthCheckResponse.named("keycloak").status(keycloak.reachable()).build();
    }
  }

  @Readiness
  @ApplicationScoped
  public static class DataGridCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
      HealthCheckResponseBuilder r = HealthCheckResponse.named("data-grid").up();
      try {
        HazelcastInstance grid = InitialContext.doLookup("payara/Hazelcast");
        if (grid != null && grid.getLifecycleService().isRunning()) {
          return r.withData("members", grid.getCluster().getMembers().size())
              .withData("cluster", grid.getConfig().getClusterName()).build();
        }
      } catch (NamingException | RuntimeException | LinkageError e) {
        // started with --nohazelcast
      }
      return r.withData("members", 0).withData("cluster", "off").build();
    }
  }
}
