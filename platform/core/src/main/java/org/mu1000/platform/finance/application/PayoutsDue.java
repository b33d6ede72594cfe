package org.mu1000.platform.finance.application;

import java.util.List;

/** CDI event: payouts of a tenant ready to be handed to its provider (a batch sent, a payout retried). */
public record PayoutsDue(String tenantId, List<String> payoutIds) {}
