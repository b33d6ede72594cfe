package org.mu1000.platform.security;

import org.mu1000.platform.kernel.Caller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.security.Identity.Membership;
import org.mu1000.platform.shared.domain.DomainException;

class IdentityTest {
  private static Membership member(String role, String... coops) {
    return new Membership(Set.of(role), Set.of(coops), false);
  }

  @Test
  void aRoleInOneTenantNeverCountsInAnother() {
    Identity alice = new Identity("s", "alice", false, false,
        Map.of("rwanda", member(Caller.TENANT_ADMIN), "ethiopia", member(Caller.DONOR)));
    assertTrue(alice.in("rwanda").mayAdministerTenant());
    assertFalse(alice.in("ethiopia").mayAdministerTenant());
    assertFalse(alice.in("ethiopia").mayReadPersons());
    assertEquals(Set.of(), alice.in("kenya").roles());
    assertEquals(Set.of("ethiopia", "rwanda"), alice.tenants());
    assertFalse(alice.mayEnter("kenya"));
  }

  @Test
  void apiClientCountsOnlyForAServiceAccountAndIsAllItGets() {
    Identity person = new Identity("s", "service-account-x", false, false,
        Map.of("rwanda", new Membership(Set.of(Caller.API_CLIENT, Caller.DONOR), Set.of(), false)));
    assertEquals(Set.of(Caller.DONOR), person.in("rwanda").roles());
    assertFalse(person.in("rwanda").mayWriteRegistry());

    Identity client = new Identity("s", "service-account-mu1000-api-rwanda", false, true,
        Map.of("rwanda", new Membership(Set.of(Caller.API_CLIENT, Caller.TENANT_ADMIN), Set.of(), false)));
    assertEquals(Set.of(Caller.API_CLIENT), client.in("rwanda").roles());
    assertTrue(client.in("rwanda").mayWriteRegistry());
  }

  @Test
  void aSuspendedMemberHasNoRoleAndCannotEnter() {
    Identity bob = new Identity("s", "bob", false, false,
        Map.of("rwanda", new Membership(Set.of(Caller.COOP_MANAGER), Set.of("c1"), true)));
    assertFalse(bob.mayEnter("rwanda"));
    assertEquals(Set.of(), bob.in("rwanda").roles());
    assertEquals(Set.of(), bob.in("rwanda").coops());
  }

  @Test
  void coopStaffWithoutCooperativesSeeNone() {
    Caller nobody = new Identity("s", "c", false, false, Map.of("rwanda", member(Caller.COOP_MANAGER))).in("rwanda");
    assertTrue(nobody.isCoopScoped());
    assertFalse(nobody.maySeeCoop("rw-abakundakawa"));
    Caller one = new Identity("s", "c", false, false, Map.of("rwanda", member(Caller.FIELD_AGENT, "c1"))).in("rwanda");
    assertTrue(one.maySeeCoop("c1"));
    assertFalse(one.maySeeCoop("c2"));
    Caller admin = new Identity("s", "a", false, false, Map.of("rwanda", member(Caller.TENANT_ADMIN))).in("rwanda");
    assertTrue(admin.maySeeCoop("c2"));
  }

  @Test
  void platformAdminsEnterEveryTenantAndHoldNoTenantRoleThere() {
    Identity agency = new Identity("s", "agency", true, false, Map.of());
    assertTrue(agency.mayEnter("anything"));
    assertEquals(Set.of(Caller.PLATFORM_ADMIN), agency.in("rwanda").roles());
    assertTrue(agency.outsideTenants().isPlatformAdmin());
  }

  @Test
  void identitiesAreReadAgainAfterTheirTimeAndAtOnceAfterAChange() {
    AtomicInteger lookups = new AtomicInteger();
    AtomicReference<Optional<Identity>> now = new AtomicReference<>(Optional.of(
        new Identity("u1", "u", false, false, Map.of("rwanda", member(Caller.TENANT_ADMIN)))));
    AtomicLong clock = new AtomicLong();
    Identities ids = new Identities((s, azp) -> {
      lookups.incrementAndGet();
      return now.get();
    }, Duration.ofSeconds(30), clock::get);
    VerifiedToken token = new VerifiedToken("u1", "u", "mu1000-cli");
    assertTrue(ids.of(token).in("rwanda").mayAdministerTenant());
    now.set(Optional.of(new Identity("u1", "u", false, false, Map.of("rwanda", member(Caller.DONOR)))));
    clock.addAndGet(Duration.ofSeconds(29).toNanos());
    assertTrue(ids.of(token).in("rwanda").mayAdministerTenant(), "kept for its time");
    assertEquals(1, lookups.get());
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    assertFalse(ids.of(token).in("rwanda").mayAdministerTenant(), "read again after 30 s");
    now.set(Optional.empty());
    ids.forget("u1");
    DomainException gone = assertThrows(DomainException.class, () -> ids.of(token));
    assertEquals(DomainException.Kind.UNAUTHENTICATED, gone.kind());
  }
}
