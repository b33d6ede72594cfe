package org.mu1000.integrations.sms.africastalking;

import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.mu1000.integrations.ProviderRoutes;

/**
 * Africa's Talking's SMS API as a route template, made once per tenant ({@code sms.africastalking.send.<tenant>}):
 * a form POST to {@code /version1/messaging} with the tenant's username and API key, retried with backoff on a 5xx
 * or a broken connection.
 */
@Dependent
public class AfricasTalkingRoutes extends RouteBuilder {
  public static final String SEND = "sms.africastalking.send";

  @Override
  public void configure() {
    routeTemplate(SEND)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("onRetry").templateParameter("retries").templateParameter("delayMs")
        .from("direct:" + SEND + ".{{tenant}}")
        .onException(HttpOperationFailedException.class).onWhen(ProviderRoutes::serverSide).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .onException(IOException.class).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .bean("{{client}}", "request")
        .to("{{baseUrl}}/version1/messaging?throwExceptionOnFailure=true&connectTimeout=5000&responseTimeout=10000")
        .bean("{{client}}", "answer");
  }
}
