package org.mu1000.ui.views;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.enterprise.context.Dependent;

/** The only page shown before sign-in. */
@Route("signin")
@PageTitle("Mu1000 — sign in")
@Dependent
public class SignInView extends VerticalLayout {
  public SignInView() {
    setAlignItems(Alignment.CENTER);
    setJustifyContentMode(JustifyContentMode.CENTER);
    setSizeFull();
    H1 h = new H1("Mu1000");
    Paragraph p = new Paragraph(getTranslation("signin.tagline"));
    Anchor go = new Anchor("/login", getTranslation("signin.button"));
    go.setId("sign-in");
    go.setRouterIgnore(true);
    go.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("padding", "var(--lumo-space-m) var(--lumo-space-xl)")
        .set("background", "var(--lumo-primary-color)").set("color", "var(--lumo-primary-contrast-color)")
        .set("border-radius", "var(--lumo-border-radius-l)");
    add(h, p, go);
  }
}
