package org.mu1000.platform.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.domain.DomainException;

class ProviderConfigTest {
  static final Map<String, String> SETTINGS = Map.of("baseUrl", "https://momo.example", "targetEnvironment", "mtnrwanda",
      "apiUser", "u", "callbackBaseUrl", "https://mu1000.example");
  static final Map<String, String> SECRETS = Map.of("apiKey", "k", "subscriptionKey", "s", "callbackToken", "t");

  static TenantConfig config(List<ProviderConfig> providers) {
    return new TenantConfig("rwanda", "Rwanda", "RW", "RWF", AreaUnit.HA, List.of("rw"), "Africa/Kigali",
        new BigDecimal("1300"), List.of(), null, null, providers);
  }

  @Test
  void aProviderNeedsItsSettingsAndSecrets() {
    config(List.of(new ProviderConfig("payments", "momo", SETTINGS, SECRETS))).validate();
    DomainException e = assertThrows(DomainException.class, () -> config(List.of(new ProviderConfig("payments",
        "momo", Map.of("baseUrl", "ftp://x"), Map.of()))).validate());
    String fields = e.violations().toString();
    assertTrue(fields.contains("providers[0].settings.baseUrl") && fields.contains("providers[0].secrets.apiKey")
        && fields.contains("providers[0].settings.apiUser"), fields);
    assertThrows(DomainException.class, () -> config(List.of(new ProviderConfig("payments", "paypal", SETTINGS,
        SECRETS))).validate());
    assertThrows(DomainException.class, () -> config(List.of(new ProviderConfig("payments", "momo", SETTINGS,
        SECRETS), new ProviderConfig("payments", "momo", SETTINGS, SECRETS))).validate());
  }

  @Test
  void aChangeThatLeavesSecretsOutKeepsThemAndOneThatLeavesProvidersOutKeepsThose() {
    Tenant t = Tenant.opened(config(List.of(new ProviderConfig("payments", "momo", SETTINGS, SECRETS))), null,
        Instant.EPOCH);
    Map<String, String> moved = new java.util.HashMap<>(SETTINGS);
    moved.put("baseUrl", "https://momo2.example");
    Tenant changed = t.reconfigured(config(List.of(new ProviderConfig("payments", "momo", moved, Map.of("apiKey",
        "k2")))), Instant.EPOCH);
    ProviderConfig p = changed.config().provider("payments").orElseThrow();
    assertEquals("https://momo2.example", p.setting("baseUrl"));
    assertEquals("k2", p.secret("apiKey"));
    assertEquals("s", p.secret("subscriptionKey"), "kept");
    Tenant untouched = changed.reconfigured(config(null), Instant.EPOCH);
    assertEquals(changed.config().providers(), untouched.config().providers());
  }
}
