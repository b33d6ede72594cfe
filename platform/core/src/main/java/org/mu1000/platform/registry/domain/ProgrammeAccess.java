package org.mu1000.platform.registry.domain;

import java.util.Optional;
import java.util.Set;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Port: the programmes a caller may see when that is not every programme of the tenant: a donor sees those their
 * funder funds (the figures' context, which keeps the funding, implements it).
 */
public interface ProgrammeAccess {
  /** The programmes {@code c} may see, or empty when they may see all. */
  Optional<Set<String>> visible(Tenant t, Caller c);
}
