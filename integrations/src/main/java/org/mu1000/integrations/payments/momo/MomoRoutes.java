package org.mu1000.integrations.payments.momo;

import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import org.apache.camel.builder.RouteBuilder;
import org.mu1000.integrations.ProviderRoutes;

/**
 * MTN MoMo's disbursement and collection APIs as route templates, instantiated once per tenant with its settings
 * ({@code payments.momo.<flow>.<tenant>}): the tokens, the transfer, the status query and the request to pay. A transfer that meets a
 * 5xx or a broken connection is sent again with backoff under the same X-Reference-Id, which MoMo refuses to
 * execute twice; a 4xx is the operator's final word and is not retried.
 */
@Dependent
public class MomoRoutes extends RouteBuilder {
  public static final String TOKEN = "payments.momo.token";
  public static final String TRANSFER = "payments.momo.transfer";
  public static final String STATUS = "payments.momo.status";
  public static final String COLLECTION_TOKEN = "payments.momo.collection-token";
  public static final String REQUEST_TO_PAY = "payments.momo.request-to-pay";

  @Override
  public void configure() {
    routeTemplate(TOKEN)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .from("direct:" + TOKEN + ".{{tenant}}")
        .onException(IOException.class).maximumRedeliveries(2).redeliveryDelay(200).end()
        .bean("{{client}}", "tokenRequest")
        .to("{{baseUrl}}/disbursement/token/?throwExceptionOnFailure=true&connectTimeout=5000&responseTimeout=10000")
        .convertBodyTo(String.class);

    routeTemplate(COLLECTION_TOKEN)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .from("direct:" + COLLECTION_TOKEN + ".{{tenant}}")
        .onException(IOException.class).maximumRedeliveries(2).redeliveryDelay(200).end()
        .bean("{{client}}", "tokenRequest")
        .to("{{baseUrl}}/collection/token/?throwExceptionOnFailure=true&connectTimeout=5000&responseTimeout=10000")
        .convertBodyTo(String.class);

    // a buyer asked to pay (collection): sent again on a 5xx under the same X-Reference-Id, like a transfer
    ProviderRoutes.retrying(routeTemplate(REQUEST_TO_PAY)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("timeoutMs")
        .templateParameter("onRetry")
        .from("direct:" + REQUEST_TO_PAY + ".{{tenant}}"))
        .bean("{{client}}", "requestToPay")
        .to("{{baseUrl}}/collection/v1_0/requesttopay?throwExceptionOnFailure=true&connectTimeout=5000"
            + "&responseTimeout={{timeoutMs}}");

    ProviderRoutes.retrying(routeTemplate(TRANSFER)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("timeoutMs")
        .templateParameter("onRetry")
        .from("direct:" + TRANSFER + ".{{tenant}}"))
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
