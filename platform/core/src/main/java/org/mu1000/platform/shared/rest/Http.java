package org.mu1000.platform.shared.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Small response helpers shared by resources: ETags carry the stored version. */
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
}
