package org.mu1000.platform.tenancy.application;

/**
 * CDI event: a tenant's configuration or state changed (configured, suspended, resumed, moved, deleted). The
 * integrations remake or remove its provider routes.
 */
public record TenantChanged(String tenantId) {}
