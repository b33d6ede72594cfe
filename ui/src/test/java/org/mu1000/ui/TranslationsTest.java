package org.mu1000.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every language the UI offers has every key, with the same placeholders as English, and quotes as Vaadin reads them:
 * a message with placeholders goes through MessageFormat (an apostrophe is written twice), one without is shown as
 * written (an apostrophe is written once).
 */
class TranslationsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations" + suffix
        + ".properties")) {
      if (in == null) {
        throw new IOException("no bundle translations" + suffix + ".properties");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> placeholders(String message) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(message);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholders() throws IOException {
    Properties en = bundle("");
    assertEquals(List.of("en", "fr", "rw", "am", "zh"), I18n.LOCALES.stream().map(Locale::getLanguage).toList());
    List<String> problems = new ArrayList<>();
    for (Locale l : I18n.LOCALES) {
      if (l.getLanguage().equals("en")) {
        continue;
      }
      Properties p = bundle("_" + l.getLanguage());
      for (String key : new TreeSet<>(en.stringPropertyNames())) {
        String m = p.getProperty(key);
        if (m == null || m.isBlank()) {
          problems.add(l + ": " + key + " is missing");
        } else if (!placeholders(m).equals(placeholders(en.getProperty(key)))) {
          problems.add(l + ": " + key + " has placeholders " + placeholders(m) + ", English "
              + placeholders(en.getProperty(key)));
        }
      }
      for (String key : p.stringPropertyNames()) {
        if (!en.containsKey(key)) {
          problems.add(l + ": " + key + " is not a key of the English bundle");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void apostrophesAreWrittenAsVaadinReadsThem() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Locale l : I18n.LOCALES) {
      Properties p = bundle(l.getLanguage().equals("en") ? "" : "_" + l.getLanguage());
      for (String key : p.stringPropertyNames()) {
        String m = p.getProperty(key);
        boolean formatted = !placeholders(m).isEmpty();
        String withoutDoubled = m.replace("''", "");
        if (formatted && withoutDoubled.contains("'")) {
          problems.add(l + ": " + key + " has placeholders, so an apostrophe is written ''");
        }
        if (!formatted && m.contains("''")) {
          problems.add(l + ": " + key + " has no placeholder, so '' is shown as two apostrophes");
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
