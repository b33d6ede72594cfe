package org.mu1000.integrations.payments.mpesa;

import jakarta.enterprise.context.Dependent;
import java.io.IOException;
import org.apache.camel.builder.RouteBuilder;
import org.mu1000.integrations.ProviderRoutes;

/**
 * Safaricom's M-Pesa Daraja B2C API as route templates, instantiated once per tenant: the OAuth token and the payment
 * request. The request is answered at once (accepted or refused) and for real later, by a POST of its result to the
 * ResultURL, or of a queue time-out to the QueueTimeOutURL. A 5xx or a broken connection is sent again with backoff
 * under the same OriginatorConversationID; a 4xx is final.
 */
@Dependent
public class MpesaRoutes extends RouteBuilder {
  public static final String TOKEN = "payments.mpesa.token";
  public static final String B2C = "payments.mpesa.b2c";
  public static final String STATUS = "payments.mpesa.status";

  @Override
  public void configure() {
    routeTemplate(TOKEN)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .from("direct:" + TOKEN + ".{{tenant}}")
        .onException(IOException.class).maximumRedeliveries(2).redeliveryDelay(200).end()
        .bean("{{client}}", "tokenRequest")
        .to("{{baseUrl}}/oauth/v1/generate?grant_type=client_credentials&throwExceptionOnFailure=true"
            + "&connectTimeout=5000&responseTimeout=10000")
        .convertBodyTo(String.class);

    // the Transaction Status query: answered by a POST of its result to the payout's status address
    routeTemplate(STATUS)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("onRetry")
        .from("direct:" + STATUS + ".{{tenant}}")
        .onException(IOException.class).onRedeliveryRef("{{onRetry}}")
            .maximumRedeliveries("{{retries}}").redeliveryDelay("{{delayMs}}").useExponentialBackOff().end()
        .bean("{{client}}", "statusRequest")
        .to("{{baseUrl}}/mpesa/transactionstatus/v1/query?throwExceptionOnFailure=true&connectTimeout=5000"
            + "&responseTimeout=10000")
        .convertBodyTo(String.class);

    ProviderRoutes.retrying(routeTemplate(B2C)
        .templateParameter("tenant").templateParameter("baseUrl").templateParameter("client")
        .templateParameter("retries").templateParameter("delayMs").templateParameter("timeoutMs")
        .templateParameter("onRetry")
        .from("direct:" + B2C + ".{{tenant}}"))
        .bean("{{client}}", "paymentRequest")
        .to("{{baseUrl}}/mpesa/b2c/v3/paymentrequest?throwExceptionOnFailure=true&connectTimeout=5000"
            + "&responseTimeout={{timeoutMs}}")
        .convertBodyTo(String.class);
  }
}
