package org.mu1000.platform.traceability.domain;

import java.util.regex.Pattern;

/**
 * GS1 identifiers of lots: a GTIN-14 per commodity, the lot number (AI 10), their EPC class URI (LGTIN) and the GS1
 * Digital Link URL a QR code carries.
 */
public final class Gs1 {
  private static final Pattern THIRTEEN_DIGITS = Pattern.compile("\\d{13}");
  private static final Pattern FOURTEEN_DIGITS = Pattern.compile("\\d{14}");

  private Gs1() {}

  /** A GTIN-14 from a company prefix and an item reference (13 digits together) with its check digit. */
  public static String gtin14(String indicator, String companyPrefix, String itemReference) {
    String body = indicator + companyPrefix + itemReference;
    if (!THIRTEEN_DIGITS.matcher(body).matches()) { // compiled once: every lot and event asks
      throw new IllegalArgumentException("indicator + prefix + item reference must be 13 digits: " + body);
    }
    return body + checkDigit(body);
  }

  /** The GS1 mod-10 check digit: weights 3,1,3,… from the right. */
  public static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 0 ? d * 3 : d;
    }
    return (10 - sum % 10) % 10;
  }

  public static boolean validGtin(String gtin) {
    return gtin != null && FOURTEEN_DIGITS.matcher(gtin).matches()
        && checkDigit(gtin.substring(0, 13)) == gtin.charAt(13) - '0';
  }

  /** {@code urn:epc:class:lgtin:<prefix>.<indicator+itemref>.<lot>} (EPC Tag Data Standard). */
  public static String lgtin(String gtin, int prefixLength, String lot) {
    String prefix = gtin.substring(1, 1 + prefixLength);
    String item = gtin.charAt(0) + gtin.substring(1 + prefixLength, 13);
    return "urn:epc:class:lgtin:" + prefix + "." + item + "." + lot;
  }

  /** {@code <base>/01/<gtin>/10/<lot>}: the URL a consumer's phone opens. */
  public static String digitalLink(String base, String gtin, String lot) {
    return base.replaceAll("/+$", "") + "/01/" + gtin + "/10/" + lot;
  }

  /** {@code urn:epc:id:sgln:<prefix>.<location>.0} for a place with a GLN-like location reference. */
  public static String sgln(String companyPrefix, String locationRef) {
    return "urn:epc:id:sgln:" + companyPrefix + "." + locationRef + ".0";
  }
}
