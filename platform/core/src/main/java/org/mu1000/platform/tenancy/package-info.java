/**
 * Country projects (tenants): their configuration, lifecycle (provision, suspend, resume, export, delete) and the
 * request-scoped {@link org.mu1000.platform.tenancy.application.TenantContext} every tenant-scoped call runs in.
 */
package org.mu1000.platform.tenancy;
