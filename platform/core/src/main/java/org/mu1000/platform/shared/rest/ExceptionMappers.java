package org.mu1000.platform.shared.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.server.ParamException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violation;

/** Every error leaves as application/problem+json; none carries a stack trace. */
public final class ExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

  private ExceptionMappers() {}

  public static List<Class<?>> all() {
    return List.of(
        Domain.class, Validation.class, Json.class, JsonMapping.class, JsonParse.class, Web.class,
        Processing.class, Unexpected.class);
  }

  @Provider
  @Priority(1)
  public static class Domain implements ExceptionMapper<DomainException> {
    @Override
    public Response toResponse(DomainException e) {
      return Problems.response(e.kind().status, e.kind().title, e.getMessage(), e.violations());
    }
  }

  @Provider
  @Priority(1)
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<Violation> list = e.getConstraintViolations().stream()
          .map(v -> new Violation(fieldOf(v), v.getMessage()))
          .sorted((a, b) -> a.field().compareTo(b.field()))
          .toList();
      return Problems.response(400, "Invalid request", list.size() + " field(s) are invalid", list);
    }

    /** Drops the method and argument nodes so the caller sees the JSON field path or parameter name. */
    private static String fieldOf(ConstraintViolation<?> v) {
      List<String> names = new ArrayList<>();
      for (Path.Node node : v.getPropertyPath()) {
        if (node.getKind() == ElementKind.METHOD) {
          continue;
        }
        if (node.getKind() == ElementKind.PARAMETER) {
          names.add("\u0000" + node.getName());
          continue;
        }
        String name = node.getName();
        if (node.getIndex() != null) {
          name = name + "[" + node.getIndex() + "]";
        }
        names.add(name);
      }
      // a body parameter is followed by its fields: the caller knows those by their JSON names alone
      if (names.size() > 1 && names.get(0).startsWith("\u0000")) {
        names.remove(0);
      }
      return String.join(".", names).replace("\u0000", "");
    }
  }

  static Response json(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return Problems.response(400, "Malformed JSON", "unknown field", List.of(new Violation(path(u), "is not a known field")));
    }
    if (e instanceof InvalidFormatException f) {
      String expected = f.getTargetType() == null ? "another type" : f.getTargetType().getSimpleName();
      return Problems.response(400, "Malformed JSON", "a value has the wrong type",
          List.of(new Violation(path(f), "cannot be read as " + expected + ": "
              + org.mu1000.platform.shared.domain.Numbers.quote(String.valueOf(f.getValue())))));
    }
    if (e instanceof MismatchedInputException m) {
      String expected = m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName();
      return Problems.response(400, "Malformed JSON", "a value has the wrong type",
          List.of(new Violation(path(m), "expected " + expected)));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return Problems.response(400, "Malformed JSON", "a value cannot be read",
          List.of(new Violation(path(m), firstLine(m.getOriginalMessage()))));
    }
    String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    return Problems.response(400, "Malformed JSON", "the body is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
  }

  private static String path(JsonMappingException e) {
    String p = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
    return p.replace(".[", "[").isEmpty() ? "body" : p.replace(".[", "[");
  }

  /** The first line of a parser's message, cut short: it may quote the offending input, which can be huge. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }

  @Provider
  @Priority(1)
  public static class Json implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonMapping implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonParse implements ExceptionMapper<com.fasterxml.jackson.core.JsonParseException> {
    @Override
    public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
      return json(e);
    }
  }

  @Provider
  @Priority(1)
  public static class Processing implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
      if (e.getCause() instanceof JsonProcessingException j) {
        return json(j);
      }
      LOG.log(Level.WARNING, "request processing failed", e);
      return Problems.response(400, "Bad request", "the request could not be read");
    }
  }

  @Provider
  @Priority(1)
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      if (e.getCause() instanceof JsonProcessingException j) {
        return json(j);
      }
      if (e instanceof ParamException p && !(e instanceof ParamException.PathParamException)) {
        // JAX-RS answers 404 for a query or header parameter it cannot convert; the resource exists, the value is bad
        return Problems.response(400, "Invalid request", "a parameter cannot be read",
            List.of(new Violation(p.getParameterName(), "is not a valid value")));
      }
      int status = e.getResponse().getStatus();
      String title = e instanceof NotFoundException ? "Not found"
          : e instanceof NotAllowedException ? "Method not allowed"
          : e instanceof NotSupportedException ? "Unsupported media type"
          : Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
      String detail = e instanceof NotFoundException ? "no such resource" : safe(e.getMessage());
      Response problem = Problems.response(status, title, detail);
      if (e.getResponse().getHeaderString("Allow") != null) {
        return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
      }
      return problem;
    }

    private static String safe(String message) {
      return message == null ? "" : message.replaceAll("[\\r\\n]+", " ");
    }
  }

  @Provider
  @Priority(1)
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof DomainException d) {
          return new Domain().toResponse(d);
        }
        if (c instanceof ConstraintViolationException v) {
          return new Validation().toResponse(v);
        }
      }
      String ref = Long.toHexString(System.nanoTime());
      LOG.log(Level.SEVERE, "unexpected error, reference " + ref, e);
      return Problems.response(500, "Internal error", "something went wrong on our side; reference " + ref);
    }
  }
}
