package org.mu1000.platform.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.security.Identity.Membership;

class TenantGroupsTest {
  @Test
  void rolesCooperativesAndSuspensionAreReadPerTenant() {
    Map<String, Membership> m = TenantGroups.memberships(List.of("/tenants/rwanda/coop-manager",
        "/tenants/rwanda/coops/rw-a", "/tenants/ethiopia/donor", "/tenants/ethiopia/suspended",
        "/tenants/ethiopia/coops/et-b", "/elsewhere/rwanda/tenant-admin", "/tenants/rwanda/platform-admin",
        "/tenants/kenya/coops/k1"));
    assertEquals(Set.of("rwanda", "ethiopia"), m.keySet(), "a tenant where no role is held is no membership");
    assertEquals(Set.of("coop-manager"), m.get("rwanda").roles());
    assertEquals(Set.of("rw-a"), m.get("rwanda").coops());
    assertFalse(m.get("rwanda").suspended());
    assertTrue(m.get("ethiopia").suspended());
    assertEquals(Set.of("donor"), m.get("ethiopia").roles());
  }

  @Test
  void pathsNameOneTenantEach() {
    assertEquals("/tenants/rwanda/donor", TenantGroups.role("rwanda", "donor"));
    assertEquals("/tenants/rwanda/coops/rw-a", TenantGroups.coop("rwanda", "rw-a"));
    assertEquals("/tenants/rwanda/suspended", TenantGroups.suspended("rwanda"));
  }
}
