package org.mu1000.platform.shared.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;

/** Small request and response helpers shared by resources: ETags carry the stored version; uploads. */
public final class Http {
  private Http() {}

  public static Response ok(Object entity, long version) {
    return Response.ok(entity).tag(new EntityTag(Long.toString(version))).build();
  }

  public static Response created(String location, Object entity, long version) {
    return Response.created(URI.create(location)).entity(entity).tag(new EntityTag(Long.toString(version))).build();
  }

  public static int page(Integer page) {
    return page == null ? 0 : page;
  }

  public static int size(Integer size) {
    return size == null ? 50 : size;
  }

  /** The version the caller read: If-Match wins over the body's version; neither is a 428. */
  public static long expectedVersion(String ifMatch, Long bodyVersion) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      String v = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw DomainException.invalid("If-Match", "must be the ETag you read, e.g. \"3\"");
      }
    }
    if (bodyVersion != null) {
      return bodyVersion;
    }
    throw new DomainException(Kind.PRECONDITION_REQUIRED,
        "send If-Match with the ETag you read (or the version in the body)");
  }

  /** An uploaded body (which the runtime buffered to a temporary file) as bytes; the file is deleted. */
  public static byte[] upload(java.io.File body) {
    try {
      return java.nio.file.Files.readAllBytes(body.toPath());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      body.delete();
    }
  }
}
