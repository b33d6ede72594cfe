package org.mu1000.platform.idempotency.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.mu1000.platform.idempotency.application.Idempotency;
import org.mu1000.platform.idempotency.domain.IdempotencyStore.Answer;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.rest.ExceptionMappers;
import org.mu1000.platform.tenancy.application.TenantContext;

/**
 * Every POST of the API with an {@code Idempotency-Key}: a retry gets the first answer again (marked
 * {@code Idempotent-Replayed: true}) instead of a second effect. The key is claimed before the resource runs, and the
 * answer, as written to the client, is kept once it is complete.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private static final String FIRST = IdempotencyFilter.class.getName() + ".first";
  private static final String TENANT = IdempotencyFilter.class.getName() + ".tenant";
  private static final String HEAD = IdempotencyFilter.class.getName() + ".head";

  private Idempotency idempotency;
  private TenantContext context;

  protected IdempotencyFilter() {}

  @Inject
  public IdempotencyFilter(Idempotency idempotency, TenantContext context) {
    this.idempotency = idempotency;
    this.context = context;
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String header = request.getHeaderString(HEADER);
    if (header == null || !HttpMethod.POST.equals(request.getMethod())) {
      return;
    }
    try {
      String key = Idempotency.parse(header);
      byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
      request.setEntityStream(new ByteArrayInputStream(body));
      String target = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
          + request.getUriInfo().getRequestUri().getRawQuery();
      TenantHome tenant = context.hasTenant() ? context.tenant() : null;
      Idempotency.Outcome outcome = idempotency.begin(tenant, context.caller().subject(), key,
          Idempotency.fingerprint(target, body));
      if (outcome instanceof Idempotency.Replay r) {
        request.abortWith(replay(r.answer()));
        return;
      }
      request.setProperty(FIRST, outcome);
      request.setProperty(TENANT, tenant);
    } catch (DomainException e) {
      request.abortWith(new ExceptionMappers.Domain().toResponse(e));
    }
  }

  private static Response replay(Answer a) {
    Response.ResponseBuilder r = Response.status(a.status()).header(REPLAYED, "true");
    if (a.body().length > 0) {
      r.entity(a.body()).type(a.contentType());
    }
    if (a.location() != null) {
      r.header(HttpHeaders.LOCATION, a.location());
    }
    if (a.etag() != null) {
      r.header(HttpHeaders.ETAG, a.etag());
    }
    return r.build();
  }

  /** The head of the answer; an answer without a body is complete here, one with a body once it is written. */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object first = request.getProperty(FIRST);
    if (!(first instanceof Idempotency.First f)) {
      return;
    }
    Answer head = new Answer(response.getStatus(), response.getMediaType() == null ? null
        : response.getMediaType().toString(), response.getHeaderString(HttpHeaders.LOCATION),
        response.getHeaderString(HttpHeaders.ETAG), new byte[0]);
    if (!response.hasEntity()) {
      idempotency.finish((TenantHome) request.getProperty(TENANT), f, head);
      request.removeProperty(FIRST);
      return;
    }
    request.setProperty(HEAD, head);
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext writing) throws IOException {
    Object first = writing.getProperty(FIRST);
    Object head = writing.getProperty(HEAD);
    if (!(first instanceof Idempotency.First f) || !(head instanceof Answer h)) {
      writing.proceed();
      return;
    }
    TenantHome tenant = (TenantHome) writing.getProperty(TENANT);
    OutputStream client = writing.getOutputStream();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    writing.setOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        client.write(b);
        copy.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        client.write(b, off, len);
        copy.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        client.flush();
      }
    });
    try {
      writing.proceed();
    } catch (IOException | RuntimeException e) {
      idempotency.abandon(tenant, f);
      throw e;
    }
    idempotency.finish(tenant, f, new Answer(h.status(), h.contentType(), h.location(), h.etag(),
        copy.toByteArray()));
  }
}
