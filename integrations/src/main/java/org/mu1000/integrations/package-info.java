/**
 * Apache Camel, started by {@link org.mu1000.integrations.CamelBootstrap}: one package per provider family, one
 * shared error-handling configuration, and the sandboxes that speak the providers' formats for the local run and tests.
 */
package org.mu1000.integrations;
