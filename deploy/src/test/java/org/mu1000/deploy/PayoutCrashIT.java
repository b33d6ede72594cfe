package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mu1000.integrations.payments.momo.MomoSandbox;

/**
 * {@code kill -9} of the server while a payout batch is being sent: after a restart the batch goes on by itself:
 * payouts not handed over yet are sent, those handed over are looked up at the operator (and sent again under the
 * same reference only if it never got them), and in the end every farmer is paid exactly once.
 */
class PayoutCrashIT {
  private static final int FARMERS = 30;

  @Test
  void aBatchKilledMidwayIsFinishedAfterARestartAndPaysEveryFarmerOnce() throws Exception {
    try (MomoSandbox momo = PayoutFixture.sandbox()) {
      momo.faults.delayMs = 400; // each transfer takes a while, so the kill lands mid-batch
      momo.faults.lostCallbacks = true; // the restarted server has only the status query to learn from
      PayoutFixture.Shipped s;
      String batch;
      int before;
      try (AppProcess first = AppProcess.start("payout-crash-1", Map.of())) {
        PayoutFixture pay = new PayoutFixture(new Api(first.base()), momo);
        pay.configure(first.base());
        s = pay.shipped(FARMERS);
        batch = pay.paidFor(s);
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (momo.transferRequests() < 5 && System.nanoTime() < end) {
          Thread.sleep(20);
        }
        first.kill();
        before = momo.transferRequests();
      }
      assertTrue(before >= 5 && before < FARMERS, "killed mid-batch: " + before + " transfers requested");
      momo.faults.delayMs = 0;

      try (AppProcess second = AppProcess.start("payout-crash-2", Map.of())) {
        PayoutFixture pay = new PayoutFixture(new Api(second.base()), momo);
        pay.configure(second.base()); // the callbacks now reach the new server
        JsonNode progress = pay.settled(batch, Duration.ofMinutes(2));
        assertEquals(FARMERS, progress.path("paid").asInt(), progress.toString());
        for (JsonNode p : pay.payouts(batch)) {
          assertEquals(1, momo.transfersFor(p.path("id").asText(), "SUCCESSFUL"), p.toString());
        }
        pay.paidExactlyOnce(s);
        assertEquals(FARMERS, momo.successful(), "no transfer beyond one per farmer");
        System.out.println("payout crash: killed after " + before + " of " + FARMERS + " transfers were requested");
      }
    }
  }
}
