package org.mu1000.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The only page shown before sign-in; it remembers where the person was going. */
@Route("signin")
@PageTitle("Mu1000 — sign in")
@Dependent
public class SignInView extends VerticalLayout implements BeforeEnterObserver {
  private final Anchor go = new Anchor("/login", "");

  public SignInView() {
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    setSizeFull();
    go.setText(getTranslation("signin.button"));
    go.setId("sign-in");
    go.setRouterIgnore(true);
    go.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("padding", "var(--lumo-space-m) var(--lumo-space-xl)")
        .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
        .set("border-radius", "var(--lumo-border-radius-l)");
    add(new H1("Mu1000"), new Paragraph(getTranslation("signin.tagline")), go);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    event.getLocation().getQueryParameters().getSingleParameter("target")
        .filter(t -> t.startsWith("/") && !t.startsWith("//"))
        .ifPresent(t -> go.setHref("/login?target=" + URLEncoder.encode(t, StandardCharsets.UTF_8)));
  }
}
