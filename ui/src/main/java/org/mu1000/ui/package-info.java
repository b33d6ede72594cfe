/** The web UI: Vaadin Flow views for agency admins, cooperatives and donors, signed in with OpenID Connect. */
package org.mu1000.ui;
