package org.mu1000.platform.finance.domain;

/**
 * The ledger's accounts. Assets: {@code cash} (the cooperatives' money at bank and provider), {@code clearing:<provider>}
 * (payouts handed to a provider, not yet final), {@code loan:<id>} (what a farmer owes on an input loan). Liabilities:
 * {@code farmer:<id>} (what is owed to a farmer), {@code supplier:<id>} (what is owed to an input supplier). Income:
 * {@code sales}, {@code fees:<cooperative>}, {@code interest}. Expense: {@code produce} (what the farmers' lots cost),
 * {@code write-offs} (loans not repaid).
 */
public final class Accounts {
  public static final String CASH = "cash";
  public static final String SALES = "sales";
  public static final String PRODUCE = "produce";
  public static final String FARMER = "farmer:";
  public static final String FEES = "fees:";
  public static final String CLEARING = "clearing:";
  public static final String LOAN = "loan:";
  public static final String SUPPLIER = "supplier:";
  public static final String INTEREST = "interest";
  public static final String WRITE_OFFS = "write-offs";

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

  public static String loan(String id) {
    return LOAN + id;
  }

  public static String supplier(String id) {
    return SUPPLIER + id;
  }

  /** asset, liability, income or expense. */
  public static String kind(String account) {
    if (account.equals(CASH) || account.startsWith(CLEARING) || account.startsWith(LOAN)) {
      return "asset";
    }
    if (account.startsWith(FARMER) || account.startsWith(SUPPLIER)) {
      return "liability";
    }
    if (account.equals(PRODUCE) || account.equals(WRITE_OFFS)) {
      return "expense";
    }
    return "income";
  }
}
