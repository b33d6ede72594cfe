package org.mu1000.integrations.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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
import org.mu1000.integrations.payments.mojaloop.MojaloopClient;
import org.mu1000.integrations.payments.mojaloop.MojaloopRoutes;
import org.mu1000.integrations.payments.momo.MomoClient;
import org.mu1000.integrations.payments.mpesa.MpesaClient;
import org.mu1000.integrations.payments.mpesa.MpesaRoutes;
import org.mu1000.integrations.payments.momo.MomoRoutes;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.application.ProviderInbox;
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
  public PaymentRails(CamelBootstrap camel, TenantRepository tenants, ProviderInbox inbox,
      @ConfigProperty(name = "mu1000.payments.retries", defaultValue = "3") int retries,
      @ConfigProperty(name = "mu1000.payments.retry-delay-ms", defaultValue = "500") long delayMs,
      @ConfigProperty(name = "mu1000.payments.timeout-ms", defaultValue = "15000") long timeoutMs) {
    this.camel = camel;
    this.tenants = tenants;
    ProviderRoutes.Provider momo = new ProviderRoutes.Provider() {
      @Override
      public List<String> templates() {
        return List.of(MomoRoutes.TOKEN, MomoRoutes.COLLECTION_TOKEN, MomoRoutes.TRANSFER, MomoRoutes.STATUS,
            MomoRoutes.REQUEST_TO_PAY);
      }

      @Override
      public Object client(Tenant t, ProviderConfig p) {
        return MomoClient.of(t.id(), p, "direct:" + ProviderRoutes.routeId(MomoRoutes.TOKEN, t.id()),
            "direct:" + ProviderRoutes.routeId(MomoRoutes.COLLECTION_TOKEN, t.id()), camel.producer());
      }
    };
    ProviderRoutes.Provider mojaloop = new ProviderRoutes.Provider() {
      @Override
      public List<String> templates() {
        return List.of(MojaloopRoutes.PARTIES, MojaloopRoutes.QUOTES, MojaloopRoutes.TRANSFERS,
            MojaloopRoutes.BULK_QUOTES, MojaloopRoutes.BULK_TRANSFERS);
      }

      @Override
      public Object client(Tenant t, ProviderConfig p) {
        return MojaloopClient.of(t, p, inbox, Duration.ofMillis(Math.max(10_000, timeoutMs)));
      }
    };
    ProviderRoutes.Provider mpesa = new ProviderRoutes.Provider() {
      @Override
      public List<String> templates() {
        return List.of(MpesaRoutes.TOKEN, MpesaRoutes.B2C, MpesaRoutes.STATUS);
      }

      @Override
      public Object client(Tenant t, ProviderConfig p) {
        return MpesaClient.of(t.id(), p, "direct:" + ProviderRoutes.routeId(MpesaRoutes.TOKEN, t.id()),
            camel.producer());
      }
    };
    this.routes = new ProviderRoutes(camel, ProviderConfig.PAYMENTS, Map.of("momo", momo, "mojaloop", mojaloop,
        "mpesa", mpesa),
        Map.of("retries",
        String.valueOf(retries), "delayMs", String.valueOf(delayMs), "timeoutMs", String.valueOf(timeoutMs)));
  }

  /** A tenant changed: its routes are made again, or removed. */
  void onChanged(@Observes TenantChanged changed) {
    routes.changed(changed.tenantId(), tenants.find(changed.tenantId()));
  }

  @Override
  public Answer submit(Tenant t, Payout p) {
    ProviderRoutes.Made r = routes.routes(t);
    if (r.client() instanceof MojaloopClient m) {
      try {
        return m.submit(p, sender(t, r));
      } catch (RuntimeException e) {
        return failure(e);
      }
    }
    boolean mpesa = r.client() instanceof MpesaClient;
    String id = ProviderRoutes.routeId(mpesa ? MpesaRoutes.B2C : MomoRoutes.TRANSFER, t.id());
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
        if (h.getStatusCode() == 409 && !mpesa) {
          return new Answer(Submission.ACCEPTED, null); // MoMo has this reference already: it was sent before
        }
        if (h.getStatusCode() == 401) {
          if (mpesa) {
            ((MpesaClient) r.client()).forgetToken();
          } else {
            ((MomoClient) r.client()).forgetToken();
          }
          stats.failed("401 from " + r.provider() + ": " + h.getResponseBody());
          return new Answer(Submission.UNKNOWN, "token refused");
        }
        return new Answer(Submission.REJECTED, h.getStatusCode() + " " + reason(h.getResponseBody()));
      }
      breaker.failure();
      stats.failed(cause == null ? e.toString() : cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return new Answer(Submission.UNKNOWN, stats.lastError);
    }
  }

  @Override
  public boolean bulk(Tenant t) {
    return routes.routes(t).client() instanceof MojaloopClient m && m.bulk();
  }

  @Override
  public Map<String, Answer> submitAll(Tenant t, List<Payout> payouts) {
    ProviderRoutes.Made r = routes.routes(t);
    if (r.client() instanceof MojaloopClient m && m.bulk()) {
      return m.submitAll(payouts, sender(t, r), PaymentRails::failure);
    }
    return PaymentRail.super.submitAll(t, payouts);
  }

  /** What a Mojaloop route that could not be passed means for the payouts it carried. */
  private static Answer failure(RuntimeException e) {
    if (e instanceof CamelExecutionException c) {
      if (c.getCause() instanceof HttpOperationFailedException h && h.getStatusCode() < 500) {
        return new Answer(Submission.REJECTED, h.getStatusCode() + " " + MojaloopClient.error(json(h
            .getResponseBody())));
      }
      return new Answer(Submission.UNKNOWN, c.getCause() == null ? c.toString() : c.getCause().toString());
    }
    return new Answer(Submission.UNKNOWN, e.getMessage());
  }

  private static String reason(String body) {
    if (body == null) {
      return "";
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      return n.has("errorMessage") ? n.path("errorCode").asText() + " " + n.path("errorMessage").asText()
          : n.path("code").asText(body);
    } catch (java.io.IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  @Override
  public Optional<Status> status(Tenant t, Payout p) {
    ProviderRoutes.Made r = routes.routes(t);
    if (r.client() instanceof MpesaClient) {
      // Daraja answers the status query by a POST to the payout's status address, which settles it there
      routes.request(t, MpesaRoutes.STATUS, p, String.class);
      return Optional.empty();
    }
    if (r.client() instanceof MojaloopClient m) {
      try {
        return m.status(p, sender(t, r));
      } catch (CamelExecutionException | IllegalStateException e) {
        return Optional.empty();
      }
    }
    return routes.request(t, MomoRoutes.STATUS, p, Status.class);
  }

  /** Asks a buyer to pay through the tenant's provider; only MoMo collects so far. */
  @Override
  public Answer collect(Tenant t, Collection c) {
    ProviderRoutes.Made r = routes.routes(t);
    if (!(r.client() instanceof MomoClient)) {
      return new Answer(Submission.REJECTED, "the tenant's payments provider " + r.provider()
          + " takes no requests to pay; record the buyer's payment by hand");
    }
    String id = ProviderRoutes.routeId(MomoRoutes.REQUEST_TO_PAY, t.id());
    RouteStats stats = r.stats(id);
    stats.in.incrementAndGet();
    try {
      camel.producer().requestBody("direct:" + id, c);
      stats.out.incrementAndGet();
      return new Answer(Submission.ACCEPTED, null);
    } catch (CamelExecutionException e) {
      if (e.getCause() instanceof HttpOperationFailedException h && h.getStatusCode() < 500) {
        stats.out.incrementAndGet();
        return new Answer(Submission.REJECTED, h.getStatusCode() + " " + reason(h.getResponseBody()));
      }
      stats.failed(e.getCause() == null ? e.toString() : e.getCause().toString());
      return new Answer(Submission.UNKNOWN, stats.lastError);
    }
  }

  /** Sends through a tenant's route with its figures and circuit breaker; a refusal or failure is thrown. */
  private MojaloopClient.Sender sender(Tenant t, ProviderRoutes.Made r) {
    return (template, ask) -> {
      String id = ProviderRoutes.routeId(template, t.id());
      RouteStats stats = r.stats(id);
      Breaker breaker = r.breaker(id);
      if (!breaker.allows()) {
        throw new IllegalStateException("circuit open after repeated failures on " + id);
      }
      stats.in.incrementAndGet();
      try {
        camel.producer().requestBody("direct:" + id, ask);
        stats.out.incrementAndGet();
        breaker.success();
      } catch (CamelExecutionException e) {
        if (e.getCause() instanceof HttpOperationFailedException h && h.getStatusCode() < 500) {
          stats.out.incrementAndGet();
          breaker.success();
        } else {
          breaker.failure();
          stats.failed(e.getCause() == null ? e.toString() : e.getCause().getClass().getSimpleName() + ": "
              + e.getCause().getMessage());
        }
        throw e;
      }
    };
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body == null ? "{}" : body);
    } catch (java.io.IOException e) {
      return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    }
  }

  @Override
  public List<Health> health(Tenant t) {
    return routes.health(t.id()).stream().map(h -> new Health(h.routeId(), ProviderConfig.PAYMENTS,
        h.provider() + "." + h.routeId().substring(("payments." + h.provider() + ".").length(), h.routeId().length()
            - t.id().length() - 1), h.in(), h.out(), h.failed(), h.lastError(), h.breaker())).toList();
  }
}
