/** The registry of a tenant: programmes, cooperatives, farmers and their plots, and bulk import of them. */
package org.mu1000.platform.registry;
