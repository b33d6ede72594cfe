package org.mu1000.platform.registry.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Something changed in a tenant's registry (farmer.created, plot.updated, ...). Fired after the write is stored;
 * carries the tenant explicitly so observers never need the request's context.
 */
public record RegistryEvent(String eventId, String tenant, String type, String entityId, Instant occurredAt,
    Map<String, Object> data) {}
