package org.mu1000.platform.idempotency.application;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.idempotency.domain.IdempotencyStore.Answer;
import org.mu1000.platform.idempotency.infrastructure.mongo.MongoIdempotencyStore;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;

/** The key's life: first, replayed, refused for another request or while in flight, forgotten after a 5xx. */
class IdempotencyTest {
  static final Mongo MONGO = Mongo.connect(org.mu1000.localmongo.LocalMongo.memory(), "mu1000idem");
  static final TenantHome RW = TenantHome.of("rw", null);
  static final Answer CREATED = new Answer(201, "application/json", "tenants/rw/x/1", "\"1\"", "{\"id\":1}".getBytes());

  Idempotency idempotency;

  @BeforeEach
  void fresh() {
    MONGO.tenantDatabase("rw", null).drop();
    idempotency = new Idempotency(new MongoIdempotencyStore(new TenantDatabases(MONGO, null)), 24, 120);
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  @Test
  void aRetryGetsTheFirstAnswer() {
    var first = assertInstanceOf(Idempotency.First.class, idempotency.begin(RW, "s1", "k", "f1"));
    idempotency.finish(RW, first, CREATED);
    var replay = assertInstanceOf(Idempotency.Replay.class, idempotency.begin(RW, "s1", "k", "f1"));
    assertEquals(201, replay.answer().status());
    assertEquals("tenants/rw/x/1", replay.answer().location());
    assertEquals("\"1\"", replay.answer().etag());
    assertArrayEquals(CREATED.body(), replay.answer().body());
    assertInstanceOf(Idempotency.First.class, idempotency.begin(RW, "s2", "k", "f1"), "another caller's key");
    assertInstanceOf(Idempotency.First.class, idempotency.begin(null, "s1", "k", "f1"), "the platform's keys");
  }

  @Test
  void theSameKeyForAnotherRequestIs422AndWhileInFlight409() {
    idempotency.begin(RW, "s1", "k", "f1");
    DomainException busy = assertThrows(DomainException.class, () -> idempotency.begin(RW, "s1", "k", "f1"));
    assertEquals(409, busy.kind().status);
    DomainException other = assertThrows(DomainException.class, () -> idempotency.begin(RW, "s1", "k", "f2"));
    assertEquals(422, other.kind().status);
  }

  @Test
  void aServerFailureOrAnAbandonedRequestLeavesTheKeyFree() {
    var first = (Idempotency.First) idempotency.begin(RW, "s1", "k", "f1");
    idempotency.finish(RW, first, new Answer(503, "application/problem+json", null, null, new byte[0]));
    var again = assertInstanceOf(Idempotency.First.class, idempotency.begin(RW, "s1", "k", "f1"));
    idempotency.abandon(RW, again);
    assertInstanceOf(Idempotency.First.class, idempotency.begin(RW, "s1", "k", "f1"));
  }

  @Test
  void aClaimLeftInFlightPastItsLeaseRunsAgain() throws InterruptedException {
    Idempotency noLease = new Idempotency(new MongoIdempotencyStore(new TenantDatabases(MONGO, null)), 24, 0);
    noLease.begin(RW, "s1", "k", "f1"); // the server stopped before answering
    Thread.sleep(5); // claims are kept to the millisecond: the lease of 0 is over once one has passed
    assertInstanceOf(Idempotency.First.class, noLease.begin(RW, "s1", "k", "f1"));
  }

  @Test
  void keysAreVisibleAsciiOfAtMost255() {
    assertEquals("abc", Idempotency.parse("\"abc\""));
    assertEquals("abc", Idempotency.parse(" abc "));
    assertThrows(DomainException.class, () -> Idempotency.parse("a b"));
    assertThrows(DomainException.class, () -> Idempotency.parse("x".repeat(256)));
    assertThrows(DomainException.class, () -> Idempotency.parse("\"\""));
  }
}
