package org.mu1000.integrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * One provider family's routes for every tenant (payments, SMS, ...): made from the tenant's provider's route
 * templates the first time they are needed or when the tenant changes, made again when its settings change, and
 * removed when it closes. Route ids are {@code <template>.<tenant>}; each route has a circuit breaker and figures.
 * Templates take {@code tenant}, {@code client} (the provider's client bean), {@code onRetry} (counts retried
 * attempts), the settings the provider names, and the family's common parameters.
 */
public final class ProviderRoutes {
  private static final Logger LOG = Logger.getLogger(ProviderRoutes.class.getName());

  /** How one provider's routes are made. */
  public interface Provider {
    /** Its route templates. */
    List<String> templates();

    /** The client bean its templates call, for one tenant's settings. */
    Object client(Tenant t, ProviderConfig p);
  }

  /** A tenant's routes as made for one version of its provider settings. */
  public record Made(String provider, int fingerprint, List<String> routeIds, Map<String, RouteStats> stats,
      Map<String, Breaker> breakers, Object client) {
    public RouteStats stats(String routeId) {
      return stats.get(routeId);
    }

    public Breaker breaker(String routeId) {
      return breakers.get(routeId);
    }
  }

  /** One route's figures. */
  public record Health(String routeId, String provider, long in, long out, long failed, String lastError,
      String breaker) {}

  private final CamelBootstrap camel;
  private final String family;
  private final Map<String, Provider> providers;
  private final Map<String, String> common;
  private final Map<String, Made> made = new ConcurrentHashMap<>();

  public ProviderRoutes(CamelBootstrap camel, String family, Map<String, Provider> providers,
      Map<String, String> common) {
    this.camel = camel;
    this.family = family;
    this.providers = Map.copyOf(providers);
    this.common = Map.copyOf(common);
  }

  /** Whether a route's failure is the provider's server failing (5xx): worth retrying, unlike a 4xx. */
  public static boolean serverSide(Exchange e) {
    org.apache.camel.http.base.HttpOperationFailedException h = e.getProperty(Exchange.EXCEPTION_CAUGHT,
        org.apache.camel.http.base.HttpOperationFailedException.class);
    return h != null && h.getStatusCode() >= 500;
  }

  /**
   * A provider request's retries: a 5xx or a broken connection is sent again with backoff (each retry counted by the
   * route's {@code onRetry}); a 4xx is the provider's final word and is not.
   */
  public static org.apache.camel.model.RouteDefinition retrying(org.apache.camel.model.RouteDefinition r) {
    r.onException(org.apache.camel.http.base.HttpOperationFailedException.class).onWhen(ProviderRoutes::serverSide)
        .onRedeliveryRef("{{onRetry}}").maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}")
        .useExponentialBackOff().end();
    r.onException(java.io.IOException.class).onRedeliveryRef("{{onRetry}}").maximumRedeliveries("{{retries}}")
        .redeliveryDelay("{{delayMs}}").useExponentialBackOff().end();
    return r;
  }

  public static String routeId(String template, String tenant) {
    return template + "." + tenant;
  }

  /** The tenant's routes, made (again) if its provider settings are new. */
  public Made routes(Tenant t) {
    ProviderConfig p = t.config().provider(family).orElseThrow(() -> new IllegalStateException("tenant " + t.id()
        + " has no " + family + " provider"));
    int fingerprint = Objects.hash(p.provider(), p.settings(), p.secrets(), common);
    Made current = made.get(t.id());
    if (current != null && current.fingerprint() == fingerprint) {
      return current;
    }
    synchronized (this) {
      current = made.get(t.id());
      if (current != null && current.fingerprint() == fingerprint) {
        return current;
      }
      if (current != null) {
        remove(current);
      }
      Made next = make(t, p, fingerprint);
      made.put(t.id(), next);
      return next;
    }
  }

  /**
   * After a tenant changed: its routes brought up to date, or removed when it is closed or has no provider. Never
   * throws: a provider that cannot be reached now must not fail the change of the tenant.
   */
  public void changed(String tenantId, Optional<Tenant> t) {
    try {
      if (t.isPresent() && t.get().isOpen() && t.get().config().provider(family).isPresent()) {
        routes(t.get());
        return;
      }
      Made gone = made.remove(tenantId);
      if (gone != null) {
        remove(gone);
        LOG.info(family + " routes of " + tenantId + " removed");
      }
    } catch (RuntimeException e) {
      LOG.warning(family + " routes of " + tenantId + " could not be brought up to date: " + e);
    }
  }

  /**
   * Sends a body through one of the tenant's routes and returns its answer; empty when the route's circuit is open or
   * the request failed after the route's retries (counted in its figures).
   */
  public <T> Optional<T> request(Tenant t, String template, Object body, Class<T> type) {
    Made r = routes(t);
    String id = routeId(template, t.id());
    RouteStats stats = r.stats(id);
    Breaker breaker = r.breaker(id);
    if (!breaker.allows()) {
      return Optional.empty();
    }
    stats.in.incrementAndGet();
    try {
      T answer = camel.producer().requestBody("direct:" + id, body, type);
      stats.out.incrementAndGet();
      breaker.success();
      return Optional.ofNullable(answer);
    } catch (org.apache.camel.CamelExecutionException e) {
      breaker.failure();
      Throwable cause = e.getCause() == null ? e : e.getCause();
      stats.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage());
      return Optional.empty();
    }
  }

  /** The routes this server runs for a tenant (none until it is configured or first uses them). */
  public List<Health> health(String tenantId) {
    Made m = made.get(tenantId);
    List<Health> out = new ArrayList<>();
    if (m != null) {
      for (String id : m.routeIds()) {
        RouteStats s = m.stats(id);
        out.add(new Health(id, m.provider(), s.in.get(), s.out.get(), s.failed.get(), s.lastError,
            m.breaker(id).state()));
      }
    }
    return out;
  }

  private Made make(Tenant t, ProviderConfig p, int fingerprint) {
    Provider provider = providers.get(p.provider());
    if (provider == null) {
      throw new IllegalStateException("no routes for " + family + " provider " + p.provider());
    }
    CamelContext ctx = camel.start();
    String suffix = t.id() + "-" + Integer.toHexString(fingerprint);
    String clientName = family + "-client-" + suffix;
    Object client = provider.client(t, p);
    ctx.getRegistry().bind(clientName, client);
    Map<String, RouteStats> stats = new ConcurrentHashMap<>();
    String onRetry = family + "-retry-" + suffix;
    ctx.getRegistry().bind(onRetry, (Processor) e -> {
      RouteStats s = stats.get(e.getFromRouteId());
      Throwable cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
      if (s != null) {
        s.failed(cause == null ? "retried" : "retried after " + cause.getClass().getSimpleName() + ": "
            + cause.getMessage());
      }
    });
    Map<String, Breaker> breakers = new ConcurrentHashMap<>();
    List<String> ids = new ArrayList<>();
    Map<String, String> parameters = new LinkedHashMap<>(common);
    p.settings().forEach((k, v) -> parameters.put(k, k.endsWith("Url") ? v.replaceAll("/+$", "") : v));
    parameters.put("tenant", t.id());
    parameters.put("client", clientName);
    parameters.put("onRetry", onRetry);
    try {
      for (String template : provider.templates()) {
        String id = routeId(template, t.id());
        TemplatedRouteBuilder b = TemplatedRouteBuilder.builder(ctx, template).routeId(id);
        parameters.forEach(b::parameter);
        b.add();
        ids.add(id);
        stats.put(id, new RouteStats());
        breakers.put(id, new Breaker(5, Duration.ofSeconds(30)));
      }
    } catch (RuntimeException e) {
      LOG.warning(family + " routes of " + t.id() + " could not be made: " + e);
      remove(new Made(p.provider(), fingerprint, ids, stats, breakers, client));
      throw e;
    }
    LOG.info(family + " routes of " + t.id() + " made: " + ids);
    return new Made(p.provider(), fingerprint, ids, stats, breakers, client);
  }

  /**
   * Stops and removes a tenant's routes, the ones that use others (a transfer uses the token route) first, so an
   * exchange in flight finishes instead of waiting for a route already stopped; one that does not finish within a
   * few seconds is stopped anyway (its payout is asked about by the sweep).
   */
  private void remove(Made old) {
    CamelContext ctx = camel.start();
    List<String> ids = new ArrayList<>(old.routeIds());
    java.util.Collections.reverse(ids);
    for (String id : ids) {
      try {
        ctx.getRouteController().stopRoute(id, 5, java.util.concurrent.TimeUnit.SECONDS);
        ctx.removeRoute(id);
      } catch (Exception e) {
        LOG.warning("route " + id + " could not be removed: " + e);
      }
    }
  }
}
