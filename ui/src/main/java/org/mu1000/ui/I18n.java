package org.mu1000.ui;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** UI strings from {@code i18n/messages_*.properties}: English, French and Kinyarwanda. */
@ApplicationScoped
public class I18n implements I18NProvider {
  public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, new Locale("rw"));

  @Override
  public List<Locale> getProvidedLocales() {
    return LOCALES;
  }

  @Override
  public String getTranslation(String key, Locale locale, Object... params) {
    Locale l = locale == null ? Locale.ENGLISH : locale;
    try {
      String s = ResourceBundle.getBundle("i18n.messages", l, I18n.class.getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
      return params.length == 0 ? s : MessageFormat.format(s, params);
    } catch (MissingResourceException e) {
      try {
        String s = ResourceBundle.getBundle("i18n.messages", Locale.ROOT, I18n.class.getClassLoader()).getString(key);
        return params.length == 0 ? s : MessageFormat.format(s, params);
      } catch (MissingResourceException e2) {
        return key;
      }
    }
  }
}
