package org.mu1000.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collections;
import java.util.Locale;

/**
 * Every new UI starts in the language the person chose in this session, else the first of the browser's languages
 * that we translate, else English.
 */
@ApplicationScoped
public class LocaleChooser {
  public static final String SESSION_KEY = "mu1000.locale";

  void onServiceInit(@Observes ServiceInitEvent event) {
    event.getSource().addUIInitListener(e -> e.getUI().setLocale(choose()));
  }

  static Locale choose() {
    VaadinSession session = VaadinSession.getCurrent();
    if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
      return chosen;
    }
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request != null) {
      for (Locale wanted : Collections.list(request.getLocales())) {
        for (Locale l : I18n.LOCALES) {
          if (l.getLanguage().equals(wanted.getLanguage())) {
            return l;
          }
        }
      }
    }
    return Locale.ENGLISH;
  }
}
