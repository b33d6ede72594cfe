package org.mu1000.platform.finance.domain;

import java.time.Instant;

/**
 * An asynchronous answer of a payment provider, kept until the route that asked for it reads it: a party lookup, a
 * quote or a transfer's state on a Mojaloop switch, which come back as callbacks, possibly to another instance.
 *
 * @param id the resource and its id, e.g. {@code quotes:<quoteId>}
 * @param error whether it came to the resource's {@code /error} address
 */
public record ProviderMessage(String id, String body, boolean error, Instant receivedAt, long version) {}
