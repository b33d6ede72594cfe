package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;

/** One side of a journal entry: an account, a signed amount in the tenant currency (debit +, credit −) and in USD. */
public record Posting(String account, BigDecimal amount, BigDecimal usd) {}
