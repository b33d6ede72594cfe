package org.mu1000.platform.finance.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.mu1000.platform.shared.domain.Records;

/** Port: the ledger, payments and payouts in one tenant's store. */
public interface FinanceStore extends Records {
  String JOURNAL = "journal";
  String PAYMENTS = "payments";
  String BATCHES = "payout_batches";
  String PAYOUTS = "payouts";
  String RECONCILIATIONS = "reconciliations";
  String LOANS = "loans";
  String SUPPLIERS = "suppliers";
  String INBOX = "provider_inbox";
  String PAYMENT_REQUESTS = "payment_requests";

  /** Every account's balance, summed from the journal (so balances and entries can never disagree). */
  Map<String, BigDecimal> balances();

  /** The balances of the accounts that start with {@code prefix}. */
  Map<String, BigDecimal> balances(String prefix);

  /** Gives the store of a tenant. */
  interface Stores {
    FinanceStore of(org.mu1000.platform.tenancy.domain.Tenant tenant);
  }
}
