package org.mu1000.integrations.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.integrations.ProviderRoutes;
import org.mu1000.integrations.sms.africastalking.AfricasTalkingClient;
import org.mu1000.integrations.sms.africastalking.AfricasTalkingRoutes;
import org.mu1000.platform.finance.application.FarmerTexts;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.tenancy.application.TenantChanged;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/** The tenants' SMS providers as Camel routes ({@link ProviderRoutes} of the sms family). */
@ApplicationScoped
public class SmsRails implements FarmerTexts {
  private ProviderRoutes routes;
  private TenantRepository tenants;

  protected SmsRails() {}

  @Inject
  public SmsRails(CamelBootstrap camel, TenantRepository tenants,
      @ConfigProperty(name = "mu1000.payments.retries", defaultValue = "3") int retries,
      @ConfigProperty(name = "mu1000.payments.retry-delay-ms", defaultValue = "500") long delayMs) {
    this.tenants = tenants;
    ProviderRoutes.Provider at = new ProviderRoutes.Provider() {
      @Override
      public List<String> templates() {
        return List.of(AfricasTalkingRoutes.SEND);
      }

      @Override
      public Object client(Tenant t, ProviderConfig p) {
        return new AfricasTalkingClient(p);
      }
    };
    this.routes = new ProviderRoutes(camel, ProviderConfig.SMS, Map.of("africastalking", at), Map.of("retries",
        String.valueOf(retries), "delayMs", String.valueOf(delayMs)));
  }

  void onChanged(@Observes TenantChanged changed) {
    routes.changed(changed.tenantId(), tenants.find(changed.tenantId()));
  }

  @Override
  public Optional<String> send(Tenant t, String msisdn, String text) {
    if (t.config().provider(ProviderConfig.SMS).isEmpty()) {
      return Optional.empty();
    }
    return routes.request(t, AfricasTalkingRoutes.SEND, new AfricasTalkingClient.Sms(msisdn, text), String.class);
  }

  @Override
  public List<PaymentRail.Health> health(Tenant t) {
    return routes.health(t.id()).stream().map(h -> new PaymentRail.Health(h.routeId(), ProviderConfig.SMS,
        h.provider() + ".send", h.in(), h.out(), h.failed(), h.lastError(), h.breaker())).toList();
  }
}
