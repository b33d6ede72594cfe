package org.mu1000.platform.shared.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One ObjectMapper for the API: ISO dates, no nulls, unknown fields refused so typos are not silently dropped,
 * decimals held to the range and scale the store keeps exactly.
 */
@Provider
public class JacksonConfig implements ContextResolver<ObjectMapper> {
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(BoundedDecimals.module())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return MAPPER;
  }
}
