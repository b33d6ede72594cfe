package org.mu1000.platform.shared.domain;

import java.util.List;

/** A refusal the caller can act on; mapped to an RFC 9457 problem at the REST edge. */
public class DomainException extends RuntimeException {

  /** What kind of refusal, which decides the HTTP status. */
  public enum Kind {
    INVALID(400, "Invalid request"),
    UNAUTHENTICATED(401, "Not signed in"),
    FORBIDDEN(403, "Forbidden"),
    SUSPENDED(403, "Tenant suspended"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    STALE(412, "Changed by someone else"),
    UNSUPPORTED(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable request"),
    PRECONDITION_REQUIRED(428, "Version required"),
    UPSTREAM(502, "Upstream service failed"),
    UNAVAILABLE(503, "Service unavailable");

    public final int status;
    public final String title;

    Kind(int status, String title) {
      this.status = status;
      this.title = title;
    }
  }

  private final Kind kind;
  private final List<Violation> violations;

  public DomainException(Kind kind, String detail) {
    this(kind, detail, List.of());
  }

  public DomainException(Kind kind, String detail, List<Violation> violations) {
    super(detail);
    this.kind = kind;
    this.violations = List.copyOf(violations);
  }

  public static DomainException invalid(List<Violation> violations) {
    return new DomainException(Kind.INVALID, violations.size() + " field(s) are invalid", violations);
  }

  public static DomainException invalid(String field, String message) {
    return invalid(List.of(new Violation(field, message)));
  }

  public static DomainException notFound(String what, String id) {
    return new DomainException(Kind.NOT_FOUND, what + " " + id + " does not exist");
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(Kind.FORBIDDEN, detail);
  }

  public Kind kind() {
    return kind;
  }

  public List<Violation> violations() {
    return violations;
  }
}
