package org.mu1000.platform.finance.application;

import java.util.List;
import java.util.Optional;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Port: SMS to farmers through the tenant's SMS provider, reached through the integration routes. */
public interface FarmerTexts {
  /** Sends one message; the provider's message id when it took it, empty when it did not (sent again later). */
  Optional<String> send(Tenant t, String msisdn, String text);

  /** The SMS routes' figures, for the tenant admin. */
  List<PaymentRail.Health> health(Tenant t);
}
