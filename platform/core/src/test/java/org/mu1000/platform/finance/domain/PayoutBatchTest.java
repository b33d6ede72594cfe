package org.mu1000.platform.finance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

class PayoutBatchTest {
  static final Caller PREPARER = new Caller("s-1", "ana", Set.of(Caller.COOP_MANAGER), Set.of("rw"), Set.of("c1"));
  static final Caller OTHER = new Caller("s-2", "bea", Set.of(Caller.TENANT_ADMIN), Set.of("rw"), Set.of());

  static PayoutBatch prepared() {
    return new PayoutBatch("pb1", "c1", "momo", "RWF", PayoutBatch.Status.PREPARED, 0, BigDecimal.ZERO, "s-1", "ana",
        Instant.EPOCH, null, null, null, null, null, 1).plus(new BigDecimal("5700")).plus(new BigDecimal("300"));
  }

  @Test
  void fourEyesTheOneWhoPreparedItNeverApprovesIt() {
    DomainException e = assertThrows(DomainException.class, () -> prepared().approved(PREPARER, Instant.EPOCH));
    assertEquals(Kind.FORBIDDEN, e.kind());
    PayoutBatch approved = prepared().approved(OTHER, Instant.EPOCH);
    assertEquals(PayoutBatch.Status.APPROVED, approved.status());
    assertEquals("bea", approved.approvedByName());
    assertEquals(2, approved.count());
    assertEquals(new BigDecimal("6000"), approved.total());
  }

  @Test
  void onlyAnApprovedBatchIsSentAndOnlyOnce() {
    assertEquals(Kind.CONFLICT, assertThrows(DomainException.class, () -> prepared().sending(OTHER, Instant.EPOCH))
        .kind());
    PayoutBatch sending = prepared().approved(OTHER, Instant.EPOCH).sending(PREPARER, Instant.EPOCH);
    assertEquals(PayoutBatch.Status.SENDING, sending.status());
    assertEquals(Kind.CONFLICT, assertThrows(DomainException.class, () -> sending.sending(OTHER, Instant.EPOCH))
        .kind());
    assertEquals(Kind.CONFLICT, assertThrows(DomainException.class, sending::cancelled).kind());
    assertEquals(PayoutBatch.Status.CANCELLED, prepared().cancelled().status());
  }

  @Test
  void aRetryIsANewTransferOfTheSameAmount() {
    Payout failed = new Payout("r1", "pb1", "f1", "c1", "+250780000001", new BigDecimal("5700"), "RWF", "momo",
        Payout.Status.FAILED, 1, null, null, "PAYEE_NOT_FOUND", "sms", Instant.EPOCH, Instant.EPOCH, null, null,
        Instant.EPOCH, Instant.EPOCH, 3);
    Payout next = failed.retried("r2", Instant.EPOCH);
    assertEquals("r2", next.id());
    assertEquals("r1", next.retryOf());
    assertEquals(2, next.attempt());
    assertEquals(Payout.Status.PENDING, next.status());
    assertEquals(failed.amount(), next.amount());
    assertEquals(null, next.reason());
  }
}
