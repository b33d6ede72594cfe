package org.mu1000.platform.shared.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mu1000.api.model.FieldError;
import org.mu1000.api.model.Problem;
import org.mu1000.platform.shared.domain.Violation;

/** Builds RFC 9457 problem responses; the one place that knows their shape. */
public final class Problems {
  public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
  private static final String TYPE_BASE = "https://mu1000.org/problems/";

  private Problems() {}

  public static Response response(int status, String title, String detail, List<Violation> violations) {
    Problem p = new Problem();
    p.setType(TYPE_BASE + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    p.setTitle(title);
    p.setStatus(status);
    p.setDetail(detail);
    p.setErrors(violations.isEmpty() ? null
        : violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
    return Response.status(status).type(PROBLEM_JSON).entity(p).build();
  }

  public static Response response(int status, String title, String detail) {
    return response(status, title, detail, List.of());
  }

  /** The same problem as JSON text, for answers written before JAX-RS takes the request (servlet filters). */
  public static String json(int status, String title, String detail) {
    try {
      return JacksonConfig.MAPPER.writeValueAsString(response(status, title, detail).getEntity());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
