package org.mu1000.platform.shared.domain;

import java.util.regex.Pattern;

/**
 * Names and places are plain text: no control characters, and no bidirectional overrides or isolates, which make a
 * name read differently from what it is (a list, a receipt or the public trace page would show it reversed).
 */
public final class Texts {
  private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F"
      + "\\u061C\\uFEFF\\uFFF9-\\uFFFB]");

  private Texts() {}

  public static boolean plain(String s) {
    return s == null || !FORBIDDEN.matcher(s).find();
  }

  public static void check(Violations v, String field, String value) {
    v.require(plain(value), field, "must be plain text: no control characters or text-direction overrides");
  }
}
