package org.mu1000.ui;

import java.util.List;
import java.util.Locale;

/**
 * The UI's languages. Strings live in {@code vaadin-i18n/translations*.properties}, which Vaadin's default
 * I18NProvider loads (English is the default bundle).
 */
public final class I18n {
  public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("rw"),
      new Locale("am"), Locale.CHINESE);

  private I18n() {}
}
