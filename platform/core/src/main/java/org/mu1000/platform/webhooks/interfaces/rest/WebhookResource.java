package org.mu1000.platform.webhooks.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneOffset;
import org.mu1000.api.WebhooksApi;
import org.mu1000.api.model.DeadLetter;
import org.mu1000.api.model.WebhookSubscription;
import org.mu1000.platform.tenancy.application.TenantContext;
import org.mu1000.platform.webhooks.application.WebhookService;

@RequestScoped
public class WebhookResource implements WebhooksApi {
  private WebhookService webhooks;
  private TenantContext ctx;

  protected WebhookResource() {}

  @Inject
  public WebhookResource(WebhookService webhooks, TenantContext ctx) {
    this.webhooks = webhooks;
    this.ctx = ctx;
  }

  @Override
  public Response createWebhook(String tenant, WebhookSubscription in, String idempotencyKey) {
    var s = webhooks.create(ctx.tenant(), ctx.caller(), in.getUrl(), in.getSecret(),
        in.getEventTypes().stream().map(e -> e.toString()).toList(), in.getActive());
    return Response.created(URI.create("tenants/" + tenant + "/webhooks/" + s.id())).entity(api(s)).build();
  }

  @Override
  public Response deleteWebhook(String tenant, String id) {
    webhooks.delete(ctx.tenant(), ctx.caller(), id);
    return Response.noContent().build();
  }

  @Override
  public Response listDeadLetters(String tenant) {
    return Response.ok(webhooks.deadLetters(ctx.tenant(), ctx.caller()).stream().map(d -> {
      DeadLetter a = new DeadLetter();
      a.setId(d.id());
      a.setSubscriptionId(d.subscriptionId());
      a.setUrl(d.url());
      a.setEventType(d.eventType());
      a.setEventId(d.eventId());
      a.setPayload(d.payload());
      a.setError(d.error());
      a.setAttempts(d.attempts());
      a.setFailedAt(d.failedAt() == null ? null : d.failedAt().atOffset(ZoneOffset.UTC));
      a.setReplayedAt(d.replayedAt() == null ? null : d.replayedAt().atOffset(ZoneOffset.UTC));
      return a;
    }).toList()).build();
  }

  @Override
  public Response listWebhooks(String tenant) {
    return Response.ok(webhooks.list(ctx.tenant(), ctx.caller()).stream().map(WebhookResource::api).toList()).build();
  }

  @Override
  public Response replayDeadLetter(String tenant, String id, String idempotencyKey) {
    webhooks.replay(ctx.tenant(), ctx.caller(), id);
    return Response.accepted().build();
  }

  private static WebhookSubscription api(org.mu1000.platform.webhooks.domain.Subscription s) {
    WebhookSubscription a = new WebhookSubscription();
    a.setId(s.id());
    a.setUrl(s.url());
    a.setEventTypes(s.eventTypes().stream().map(WebhookSubscription.EventTypesEnum::fromValue).toList());
    a.setActive(s.active());
    return a;
  }
}
