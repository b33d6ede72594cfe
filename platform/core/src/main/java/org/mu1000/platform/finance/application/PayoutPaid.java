package org.mu1000.platform.finance.application;

/** CDI event: a farmer's payout was paid; the farmer gets its SMS. */
public record PayoutPaid(String tenantId, String payoutId) {}
