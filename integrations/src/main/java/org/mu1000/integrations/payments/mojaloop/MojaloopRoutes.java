package org.mu1000.integrations.payments.mojaloop;

import jakarta.enterprise.context.Dependent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.mu1000.integrations.ProviderRoutes;

/**
 * A Mojaloop switch's FSPIOP v1.1 API as route templates, instantiated once per tenant: party lookup, quotes,
 * transfers, bulk quotes and bulk transfers (each its own route, with its own figures and circuit breaker). Every request is answered 202 at once and
 * for real by a callback later; a 5xx or a broken connection is sent again with backoff (the ids in the request make
 * a repeat the same request), a 4xx is final.
 */
@Dependent
public class MojaloopRoutes extends RouteBuilder {
  public static final String PARTIES = "payments.mojaloop.parties";
  public static final String QUOTES = "payments.mojaloop.quotes";
  public static final String TRANSFERS = "payments.mojaloop.transfers";
  public static final String BULK_QUOTES = "payments.mojaloop.bulk-quotes";
  public static final String BULK_TRANSFERS = "payments.mojaloop.bulk-transfers";

  /** The bean that lets the FSPIOP headers out as they are (Camel's HTTP filter keeps Date and Content-Type back). */
  static final String HEADERS = "fspiopHeaders";

  @Override
  public void configure() {
    DefaultHeaderFilterStrategy headers = new DefaultHeaderFilterStrategy();
    headers.setOutFilterStartsWith("Camel", "camel", "org.apache.camel.");
    headers.setLowerCase(true);
    getContext().getRegistry().bind(HEADERS, headers);
    for (String template : new String[] {PARTIES, QUOTES, TRANSFERS, BULK_QUOTES, BULK_TRANSFERS}) {
      ProviderRoutes.retrying(routeTemplate(template)
          .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
          .templateParameter("retries").templateParameter("delayMs").templateParameter("timeoutMs")
          .templateParameter("onRetry")
          .from("direct:" + template + ".{{tenant}}"))
          .bean("{{client}}", "request")
          .to("{{baseUrl}}?throwExceptionOnFailure=true&connectTimeout=5000&responseTimeout={{timeoutMs}}"
              + "&headerFilterStrategy=#" + HEADERS)
          .convertBodyTo(String.class);
    }
  }
}
