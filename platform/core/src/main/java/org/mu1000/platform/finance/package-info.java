/**
 * Money: a double-entry ledger per tenant, buyers' payments for shipments, and farmer payouts through the tenant's
 * mobile-money provider, each booked once under the business event that caused it.
 */
package org.mu1000.platform.finance;
