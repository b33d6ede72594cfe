/**
 * Country templates kept as data ({@code tenants/<country>/tenant.yaml}): settings, first admin and demo registry, and
 * the start-up provisioning of the demo tenants for the local run.
 */
package org.mu1000.tenants;
