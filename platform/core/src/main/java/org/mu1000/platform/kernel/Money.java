package org.mu1000.platform.kernel;

import java.math.BigDecimal;

/** An amount in an ISO 4217 currency; never a double. */
public record Money(BigDecimal amount, String currency) {}
