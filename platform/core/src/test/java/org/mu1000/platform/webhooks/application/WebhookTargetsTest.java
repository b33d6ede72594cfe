package org.mu1000.platform.webhooks.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
  @Test
  void internalAddressesAreKnownWhateverTheirForm() throws Exception {
    for (String a : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1"}) {
      assertTrue(WebhookTargets.internal(InetAddress.getByName(a)), a);
    }
    for (String a : new String[] {"8.8.8.8", "41.74.160.1", "2001:4860:4860::8888", "172.32.0.1"}) {
      assertFalse(WebhookTargets.internal(InetAddress.getByName(a)), a);
    }
  }

  @Test
  void onlyPublicHttpTargetsOrHostsTheOperatorAllowed() {
    WebhookTargets t = new WebhookTargets(" Localhost ,hooks.example.org");
    assertTrue(t.refusal("http://127.0.0.1:27117/").orElse("").contains("internal address"));
    assertTrue(t.refusal("http://[::1]:8080/").orElse("").contains("internal address"));
    assertTrue(t.refusal("http://169.254.169.254/latest/meta-data").isPresent());
    assertEquals(Optional.empty(), t.refusal("http://localhost:9/hook"), "allowed by name");
    assertTrue(t.refusal("ftp://8.8.8.8/").isPresent());
    assertTrue(t.refusal("https://user:pw@8.8.8.8/").isPresent());
    assertTrue(t.refusal("not a url").isPresent());
    assertEquals(Optional.empty(), t.refusal("https://8.8.8.8/hook"));
    assertTrue(new WebhookTargets("").refusal("http://localhost:9/hook").isPresent(), "nothing allowed by default");
  }
}
