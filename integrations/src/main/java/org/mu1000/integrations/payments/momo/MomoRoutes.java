package org.mu1000.integrations.payments.momo;

import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.mu1000.integrations.ProviderRoutes;

/**
 * MTN MoMo's disbursement API as route templates, instantiated once per tenant with its settings
 * ({@code payments.momo.<flow>.<tenant>}): the token, the transfer and the status query. A transfer that meets a
 * 5xx or a broken connection is sent again with backoff under the same X-Reference-Id, which MoMo refuses to
 * execute twice; a 4xx is the operator's final word and is not retried.
 */
@Dependent
public class MomoRoutes extends RouteBuilder {
  public static final String TOKEN = "payments.momo.token";
  public static final String TRANSFER = "payments.momo.transfer";
  public static final String STATUS = "payments.momo.status";

  @Override
  public void configure() {
    routeTemplate(TOKEN)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .from("direct:" + TOKEN + ".{{tenant}}")
        .onException(IOException.class).maximumRedeliveries(2).redeliveryDelay(200).end()
        .bean("{{client}}", "tokenRequest")
        .to("{{baseUrl}}/disbursement/token/?throwExceptionOnFailure=true&connectTimeout=5000&responseTimeout=10000")
        .convertBodyTo(String.class);

    routeTemplate(TRANSFER)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("timeoutMs")
        .templateParameter("onRetry")
        .from("direct:" + TRANSFER + ".{{tenant}}")
        .onException(HttpOperationFailedException.class).onWhen(ProviderRoutes::serverSide).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .onException(IOException.class).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .bean("{{client}}", "transferRequest")
        .to("{{baseUrl}}/disbursement/v1_0/transfer?throwExceptionOnFailure=true&connectTimeout=5000"
            + "&responseTimeout={{timeoutMs}}");

    routeTemplate(STATUS)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("onRetry")
        .from("direct:" + STATUS + ".{{tenant}}")
        .onException(IOException.class).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .bean("{{client}}", "statusRequest")
        .toD("{{baseUrl}}/disbursement/v1_0/transfer/${exchangeProperty." + MomoClient.REF
            + "}?throwExceptionOnFailure=false&connectTimeout=5000&responseTimeout=10000")
        .bean("{{client}}", "statusAnswer");
  }
}
