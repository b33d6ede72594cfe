package org.mu1000.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mu1000.platform.identity.infrastructure.keycloak.KeycloakAdmin;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;

/** Ready means both the database and the identity provider answer. */
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
}
