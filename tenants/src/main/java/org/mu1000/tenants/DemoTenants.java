package org.mu1000.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.tenancy.application.TenantService;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * The local run's demo tenants ({@code mu1000.demo.tenants=rwanda,ethiopia}), provisioned from their templates at
 * start-up. Idempotent: an existing tenant is only finished, never duplicated.
 */
@ApplicationScoped
public class DemoTenants {
  private static final Logger LOG = Logger.getLogger(DemoTenants.class.getName());

  private TenantService tenants;
  private YamlTenantTemplates templates;
  private String demoTenants;

  protected DemoTenants() {}

  @Inject
  public DemoTenants(TenantService tenants, YamlTenantTemplates templates,
      @ConfigProperty(name = "mu1000.demo.tenants") java.util.Optional<String> demoTenants) {
    this.tenants = tenants;
    this.templates = templates;
    this.demoTenants = demoTenants.orElse("");
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    for (String id : Arrays.stream(demoTenants.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      try {
        long start = System.nanoTime();
        var file = templates.file(id).orElseThrow(() -> new IllegalArgumentException("no template " + id));
        Tenant.FirstAdmin admin = file.firstAdmin() == null ? null
            : new Tenant.FirstAdmin(file.firstAdmin().username(), file.firstAdmin().email());
        boolean exists = tenants.list().stream().anyMatch(t -> t.id().equals(id));
        if (exists) {
          tenants.provision(id, true, "system");
        } else {
          tenants.create(id, null, admin, null, true, "system");
        }
        LOG.info("demo tenant " + id + " ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "demo tenant " + id + " could not be provisioned: " + e.getMessage(), e);
      }
    }
  }
}
