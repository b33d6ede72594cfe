package org.mu1000.platform.finance.domain;

/**
 * The ledger's accounts. Assets: {@code cash} (the cooperatives' money at bank and provider), {@code clearing:<provider>}
 * (payouts handed to a provider, not yet final). Liabilities: {@code farmer:<id>} (what is owed to a farmer). Income:
 * {@code sales}, {@code fees:<cooperative>}. Expense: {@code produce} (what the farmers' lots cost).
 */
public final class Accounts {
  public static final String CASH = "cash";
  public static final String SALES = "sales";
  public static final String PRODUCE = "produce";
  public static final String FARMER = "farmer:";
  public static final String FEES = "fees:";
  public static final String CLEARING = "clearing:";

  private Accounts() {}

  public static String farmer(String id) {
    return FARMER + id;
  }

  public static String fees(String cooperativeId) {
    return FEES + cooperativeId;
  }

  public static String clearing(String provider) {
    return CLEARING + provider;
  }

  /** asset, liability, income or expense. */
  public static String kind(String account) {
    if (account.equals(CASH) || account.startsWith(CLEARING)) {
      return "asset";
    }
    if (account.startsWith(FARMER)) {
      return "liability";
    }
    if (account.equals(PRODUCE)) {
      return "expense";
    }
    return "income";
  }
}
