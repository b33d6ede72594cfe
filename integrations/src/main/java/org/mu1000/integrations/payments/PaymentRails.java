package org.mu1000.integrations.payments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.integrations.CamelBootstrap;
import org.mu1000.integrations.payments.momo.MomoRoutes;
import org.mu1000.platform.finance.application.PaymentRail;
import org.mu1000.platform.finance.domain.Payout;
import org.mu1000.platform.tenancy.application.TenantChanged;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/**
 * The tenants' payment providers as Camel routes: each tenant's routes are made from its provider's templates the
 * first time they are needed, and made again when its provider settings change. Each route has its own circuit
 * breaker and figures.
 */
@ApplicationScoped
public class PaymentRails implements PaymentRail {
  private static final Logger LOG = Logger.getLogger(PaymentRails.class.getName());

  /** One tenant's routes for the provider settings they were made with. */
  private record Instance(String provider, int fingerprint, List<String> routeIds, Map<String, RouteStats> stats,
      Map<String, Breaker> breakers, Object client) {}

  private CamelBootstrap camel;
  private TenantRepository tenants;
  private int retries;
  private long delayMs;
  private long timeoutMs;
  private final Map<String, Instance> instances = new ConcurrentHashMap<>();

  protected PaymentRails() {}

  @Inject
  public PaymentRails(CamelBootstrap camel, TenantRepository tenants,
      @ConfigProperty(name = "mu1000.payments.retries", defaultValue = "3") int retries,
      @ConfigProperty(name = "mu1000.payments.retry-delay-ms", defaultValue = "500") long delayMs,
      @ConfigProperty(name = "mu1000.payments.timeout-ms", defaultValue = "15000") long timeoutMs) {
    this.camel = camel;
    this.tenants = tenants;
    this.retries = retries;
    this.delayMs = delayMs;
    this.timeoutMs = timeoutMs;
  }

  private static String routeId(String flow, String tenant) {
    return flow + "." + tenant;
  }

  /** The tenant's routes, made (again) if its provider settings are new. */
  private Instance routes(Tenant t) {
    ProviderConfig p = t.config().provider(ProviderConfig.PAYMENTS).orElseThrow(() -> new IllegalStateException(
        "tenant " + t.id() + " has no payments provider"));
    int fingerprint = java.util.Objects.hash(p.provider(), p.settings(), p.secrets(), retries, delayMs, timeoutMs);
    Instance current = instances.get(t.id());
    if (current != null && current.fingerprint() == fingerprint) {
      return current;
    }
    synchronized (this) {
      current = instances.get(t.id());
      if (current != null && current.fingerprint() == fingerprint) {
        return current;
      }
      if (current != null) {
        remove(current);
      }
      Instance made = make(t, p, fingerprint);
      instances.put(t.id(), made);
      return made;
    }
  }

  private Instance make(Tenant t, ProviderConfig p, int fingerprint) {
    if (!p.provider().equals("momo")) {
      throw new IllegalStateException("no routes for payments provider " + p.provider());
    }
    CamelContext ctx = camel.start();
    String tenant = t.id();
    String clientName = "momo-client-" + tenant + "-" + Integer.toHexString(fingerprint);
    org.mu1000.integrations.payments.momo.MomoClient client = org.mu1000.integrations.payments.momo.MomoClient
        .of(tenant, p, "direct:" + MomoRoutes.TOKEN + "." + tenant, camel.producer());
    ctx.getRegistry().bind(clientName, client);
    String baseUrl = p.setting("baseUrl").replaceAll("/+$", "");
    List<String> ids = new ArrayList<>();
    Map<String, RouteStats> stats = new ConcurrentHashMap<>();
    String onRetry = "payments-retry-" + tenant + "-" + Integer.toHexString(fingerprint);
    ctx.getRegistry().bind(onRetry, (org.apache.camel.Processor) e -> {
      RouteStats s = stats.get(e.getFromRouteId());
      Throwable cause = e.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class);
      if (s != null) {
        s.failed(cause == null ? "retried" : "retried after " + cause.getClass().getSimpleName() + ": "
            + cause.getMessage());
      }
    });
    Map<String, Breaker> breakers = new ConcurrentHashMap<>();
    try {
      for (String flow : List.of(MomoRoutes.TOKEN, MomoRoutes.TRANSFER, MomoRoutes.STATUS)) {
        String id = routeId(flow, tenant);
        TemplatedRouteBuilder.builder(ctx, flow).routeId(id).parameter("tenant", tenant).parameter("baseUrl", baseUrl)
            .parameter("client", clientName).parameter("retries", String.valueOf(retries))
            .parameter("delayMs", String.valueOf(delayMs)).parameter("timeoutMs", String.valueOf(timeoutMs))
            .parameter("onRetry", onRetry).add();
        ids.add(id);
        stats.put(id, new RouteStats());
        breakers.put(id, new Breaker(5, Duration.ofSeconds(30)));
      }
    } catch (RuntimeException e) {
      LOG.warning("the payment routes of " + tenant + " could not be made: " + e);
      throw e;
    }
    LOG.info("payment routes of " + tenant + " made: " + ids);
    return new Instance(p.provider(), fingerprint, ids, stats, breakers, client);
  }

  private void remove(Instance old) {
    CamelContext ctx = camel.start();
    for (String id : old.routeIds()) {
      try {
        ctx.getRouteController().stopRoute(id);
        ctx.removeRoute(id);
      } catch (Exception e) {
        LOG.warning("route " + id + " could not be removed: " + e);
      }
    }
  }

  /**
   * A tenant changed: its routes are made again for new provider settings, and removed when it has no payments
   * provider or is closed (suspended, to be deleted, deleted). Never fails the change itself.
   */
  void onChanged(@Observes TenantChanged changed) {
    try {
      Optional<Tenant> t = tenants.find(changed.tenantId());
      if (t.isPresent() && t.get().isOpen() && t.get().config().provider(ProviderConfig.PAYMENTS).isPresent()) {
        routes(t.get());
      } else {
        Instance gone = instances.remove(changed.tenantId());
        if (gone != null) {
          remove(gone);
          LOG.info("payment routes of " + changed.tenantId() + " removed");
        }
      }
    } catch (RuntimeException e) {
      LOG.warning("the payment routes of " + changed.tenantId() + " could not be brought up to date: " + e);
    }
  }

  @Override
  public Answer submit(Tenant t, Payout p) {
    Instance r = routes(t);
    String id = routeId(MomoRoutes.TRANSFER, t.id());
    RouteStats stats = r.stats().get(id);
    Breaker breaker = r.breakers().get(id);
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
          ((org.mu1000.integrations.payments.momo.MomoClient) r.client()).forgetToken();
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
      com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      return n.path("code").asText(body);
    } catch (java.io.IOException e) {
      return body.length() > 200 ? body.substring(0, 200) : body;
    }
  }

  @Override
  public Optional<Status> status(Tenant t, Payout p) {
    Instance r = routes(t);
    String id = routeId(MomoRoutes.STATUS, t.id());
    RouteStats stats = r.stats().get(id);
    Breaker breaker = r.breakers().get(id);
    if (!breaker.allows()) {
      return Optional.empty();
    }
    stats.in.incrementAndGet();
    try {
      Status s = camel.producer().requestBody("direct:" + id, p, Status.class);
      stats.out.incrementAndGet();
      breaker.success();
      return Optional.ofNullable(s);
    } catch (CamelExecutionException e) {
      breaker.failure();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      stats.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return Optional.empty();
    }
  }

  /** The routes this server runs for the tenant (none until it is configured or first pays). */
  @Override
  public List<Health> health(Tenant t) {
    Instance r = instances.get(t.id());
    if (r == null) {
      return List.of();
    }
    List<Health> out = new ArrayList<>();
    for (String id : r.routeIds()) {
      RouteStats s = r.stats().get(id);
      String flow = id.substring("payments.momo.".length(), id.length() - t.id().length() - 1);
      out.add(new Health(id, ProviderConfig.PAYMENTS, r.provider() + "." + flow, s.in.get(), s.out.get(),
          s.failed.get(), s.lastError, r.breakers().get(id).state()));
    }
    return out;
  }
}
