package org.mu1000.integrations.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.integrations.Breaker;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.integrations.ProviderRoutes;
import org.mu1000.integrations.RouteStats;
import org.mu1000.integrations.payments.momo.MomoClient;
import org.mu1000.integrations.payments.momo.MomoRoutes;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.application.TenantChanged;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/** The tenants' payment providers as Camel routes ({@link ProviderRoutes} of the payments family). */
@ApplicationScoped
public class PaymentRails implements PaymentRail {
  private ProviderRoutes routes;
  private CamelBootstrap camel;
  private TenantRepository tenants;

  protected PaymentRails() {}

  @Inject
  public PaymentRails(CamelBootstrap camel, TenantRepository tenants,
      @ConfigProperty(name = "mu1000.payments.retries", defaultValue = "3") int retries,
      @ConfigProperty(name = "mu1000.payments.retry-delay-ms", defaultValue = "500") long delayMs,
      @ConfigProperty(name = "mu1000.payments.timeout-ms", defaultValue = "15000") long timeoutMs) {
    this.camel = camel;
    this.tenants = tenants;
    ProviderRoutes.Provider momo = new ProviderRoutes.Provider() {
      @Override
      public List<String> templates() {
        return List.of(MomoRoutes.TOKEN, MomoRoutes.TRANSFER, MomoRoutes.STATUS);
      }

      @Override
      public Object client(Tenant t, ProviderConfig p) {
        return MomoClient.of(t.id(), p, "direct:" + ProviderRoutes.routeId(MomoRoutes.TOKEN, t.id()),
            camel.producer());
      }
    };
    this.routes = new ProviderRoutes(camel, ProviderConfig.PAYMENTS, Map.of("momo", momo), Map.of("retries",
        String.valueOf(retries), "delayMs", String.valueOf(delayMs), "timeoutMs", String.valueOf(timeoutMs)));
  }

  /** A tenant changed: its routes are made again, or removed. */
  void onChanged(@Observes TenantChanged changed) {
    routes.changed(changed.tenantId(), tenants.find(changed.tenantId()));
  }

  @Override
  public Answer submit(Tenant t, Payout p) {
    ProviderRoutes.Made r = routes.routes(t);
    String id = ProviderRoutes.routeId(MomoRoutes.TRANSFER, t.id());
    RouteStats stats = r.stats(id);
    Breaker breaker = r.breaker(id);
    if (!breaker.allows()) {
      return new Answer(Submission.UNKNOWN, "circuit open after repeated failures");
    }
    stats.in.incrementAndGet();
    try {
      camel.producer().requestBody("direct:" + id, p);
      stats.out.incrementAndGet();
      breaker.success();
      return new Answer(Submission.ACCEPTED, null);
    } catch (CamelExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpOperationFailedException h && h.getStatusCode() < 500) {
        stats.out.incrementAndGet();
        breaker.success();
        if (h.getStatusCode() == 409) {
          return new Answer(Submission.ACCEPTED, null); // MoMo has this reference already: it was sent before
        }
        if (h.getStatusCode() == 401) {
          ((MomoClient) r.client()).forgetToken();
          stats.failed("401 from MoMo: " + h.getResponseBody());
          return new Answer(Submission.UNKNOWN, "token refused");
        }
        return new Answer(Submission.REJECTED, h.getStatusCode() + " " + reason(h.getResponseBody()));
      }
      breaker.failure();
      stats.failed(cause == null ? e.toString() : cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return new Answer(Submission.UNKNOWN, stats.lastError);
    }
  }

  private static String reason(String body) {
    if (body == null) {
      return "";
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("code").asText(body);
    } catch (java.io.IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  @Override
  public Optional<Status> status(Tenant t, Payout p) {
    return routes.request(t, MomoRoutes.STATUS, p, Status.class);
  }

  @Override
  public List<Health> health(Tenant t) {
    return routes.health(t.id()).stream().map(h -> new Health(h.routeId(), ProviderConfig.PAYMENTS,
        h.provider() + "." + h.routeId().substring("payments.momo.".length(), h.routeId().length() - t.id().length()
            - 1), h.in(), h.out(), h.failed(), h.lastError(), h.breaker())).toList();
  }
}
