package org.mu1000.platform.security;

import java.util.Optional;

/**
 * The identity provider's current word on a subject (a port; the identity context implements it): whether the account
 * still exists and is enabled, its memberships and roles per tenant, and which client it is the service account of.
 */
public interface IdentityDirectory {
  /**
   * The subject's identity now, or empty when the account is removed or disabled.
   *
   * @param azp the client the token was issued to; a service account counts only for that very client
   */
  Optional<Identity> lookup(String subject, String azp);
}
