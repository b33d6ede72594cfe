package org.mu1000.platform.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.shared.rest.Problems;

/**
 * The public trace API answers anyone, so each client address gets a budget of requests per minute
 * ({@code mu1000.trace.requests-per-minute}, 120 by default: a shop's scanner, not a scraper); past it, 429 with
 * Retry-After.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class PublicRateLimit implements ContainerRequestFilter {
  private RateBudget budget;

  @Context
  HttpServletRequest servlet;

  protected PublicRateLimit() {}

  @Inject
  public PublicRateLimit(@ConfigProperty(name = "mu1000.trace.requests-per-minute", defaultValue = "120") int perMinute) {
    this.budget = RateBudget.perMinute(perMinute);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    var segments = request.getUriInfo().getPathSegments();
    if (segments.isEmpty() || !segments.get(0).getPath().equals("trace")) {
      return;
    }
    String client = servlet == null ? "unknown" : servlet.getRemoteAddr();
    long wait = budget.take(client);
    if (wait > 0) {
      request.abortWith(Response.fromResponse(Problems.response(429, "Too many requests",
          "this address asked for too many trace pages; try again in " + wait + " s"))
          .header("Retry-After", wait).build());
    }
  }
}
