package org.mu1000.integrations.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.webhooks.application.DeliveryOutcomes;
import org.mu1000.platform.webhooks.domain.WebhookDelivery;
import org.mu1000.platform.webhooks.application.WebhookTargets;

/** The delivery route against the webhook sandbox, over real HTTP on loopback. */
class WebhookRoutesTest {
  static final String SECRET = "a-secret-of-at-least-16";

  final List<WebhookDelivery> delivered = new CopyOnWriteArrayList<>();
  final List<String> dead = new CopyOnWriteArrayList<>();
  CamelContext camel;
  WebhookSandbox sandbox;

  @BeforeEach
  void start() throws Exception {
    sandbox = new WebhookSandbox(SECRET);
    camel = new DefaultCamelContext();
    camel.addRoutes(new WebhookRoutes(new DeliveryOutcomes() {
      @Override
      public void delivered(WebhookDelivery d) {
        delivered.add(d);
      }

      @Override
      public void deadLetter(WebhookDelivery d, String error, int attempts) {
        dead.add(d.eventId() + " after " + attempts + ": " + error);
      }
    }, new WebhookTargets("localhost"), 3, 50));
    camel.start();
  }

  @AfterEach
  void stop() {
    camel.stop();
    sandbox.close();
  }

  WebhookDelivery delivery(String id) {
    return new WebhookDelivery("rwanda", "wh1", sandbox.url(), SECRET, "farmer.created", id,
        "{\"id\":\"" + id + "\",\"type\":\"farmer.created\"}", null);
  }

  @Test
  void deliversSignedJsonThatTheReceiverCanVerify() throws Exception {
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute("webhooks.http.deliver").whenCompleted(1).create();
    camel.createProducerTemplate().sendBody(WebhookRoutes.QUEUE, delivery("ev1"));
    assertTrue(done.matches(10, java.util.concurrent.TimeUnit.SECONDS));
    var got = sandbox.await(1, Duration.ofSeconds(5));
    assertEquals(1, got.size());
    assertTrue(got.get(0).signatureValid(), "signature must verify with the subscription secret");
    assertEquals("farmer.created", got.get(0).event());
    assertEquals("ev1", got.get(0).delivery());
    assertEquals(1, delivered.size());
    assertTrue(dead.isEmpty());
  }

  @Test
  void retriesAfterA500AndDeliversOnce() throws Exception {
    sandbox.failNext(2);
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute("webhooks.http.deliver").whenDone(1).create();
    camel.createProducerTemplate().sendBody(WebhookRoutes.QUEUE, delivery("ev2"));
    assertTrue(done.matches(10, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(1, sandbox.await(1, Duration.ofSeconds(5)).size());
    assertEquals(3, sandbox.attempts(), "two failures, then the delivery");
    assertTrue(dead.isEmpty());
  }

  @Test
  void keepsADeadLetterAfterTheLastRetry() throws Exception {
    sandbox.failAll(true);
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute("webhooks.http.deliver").whenDone(1).create();
    camel.createProducerTemplate().sendBody(WebhookRoutes.QUEUE, delivery("ev3"));
    assertTrue(done.matches(10, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(4, sandbox.attempts(), "first try and 3 retries");
    assertEquals(1, dead.size());
    assertTrue(dead.get(0).startsWith("ev3 after 4"), dead.get(0));
    assertTrue(delivered.isEmpty());
  }

  @Test
  void aTargetOnAnInternalAddressIsDeadLetteredWithoutASingleAttempt() throws Exception {
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute("webhooks.http.deliver").whenDone(1).create();
    WebhookDelivery inside = new WebhookDelivery("rwanda", "wh1", sandbox.url().replace("localhost", "127.0.0.1"),
        SECRET, "farmer.created", "ev-internal", "{}", null);
    camel.createProducerTemplate().sendBody(WebhookRoutes.QUEUE, inside);
    assertTrue(done.matches(10, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, sandbox.attempts(), "nothing was sent");
    assertEquals(1, dead.size(), dead.toString());
    assertTrue(dead.get(0).startsWith("ev-internal after 1: ") && dead.get(0).contains("internal address"),
        dead.toString());
  }
}
