package org.mu1000.platform.tenancy.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;

/** A country project. Lifecycle: provisioning → active ⇄ suspended → deletion-requested → (dropped). */
public record Tenant(
    TenantConfig config,
    TenantStatus status,
    String suspendedReason,
    Set<String> provisioned,
    FirstAdmin firstAdmin,
    String deletionCode,
    Instant deletionExpires,
    Instant createdAt,
    Instant updatedAt,
    long version) implements org.mu1000.platform.kernel.TenantHome {
  @Override
  public String deployment() {
    return config.mongoUri();
  }


  public static final String STEP_DATABASE = "database";
  public static final String STEP_IDENTITY = "identity";
  public static final String STEP_DEMO_DATA = "demo-data";

  /** The tenant-admin user provisioning creates; null when the platform admin adds users later. */
  public record FirstAdmin(String username, String email) {}

  public Tenant {
    provisioned = Set.copyOf(provisioned == null ? Set.of() : provisioned);
  }

  public static Tenant opened(TenantConfig config, FirstAdmin firstAdmin, Instant now) {
    config.validate();
    return new Tenant(config, TenantStatus.PROVISIONING, null, Set.of(), firstAdmin, null, null, now, now, 0);
  }

  public String id() {
    return config.id();
  }

  public boolean isOpen() {
    return status == TenantStatus.ACTIVE;
  }

  public Tenant reconfigured(TenantConfig next, Instant now) {
    if (!next.id().equals(id())) {
      throw DomainException.invalid("id", "cannot be changed");
    }
    String mongoUri = next.mongoUri() == null ? config.mongoUri() : next.mongoUri();
    if (!java.util.Objects.equals(mongoUri, config.mongoUri())) {
      throw DomainException.invalid("mongoUri", "is changed by moving the tenant (POST .../move), which copies its data");
    }
    TenantConfig kept = new TenantConfig(next.id(), next.name(), next.country(), next.currency(), next.areaUnit(),
        next.languages(), next.timezone(), next.povertyLine(), next.fxRates(), mongoUri, next.maxPlotAreaHa(),
        config.providers()).withProviders(next.providersGiven() ? next.providers() : null);
    kept.validate();
    return new Tenant(kept, status, suspendedReason, provisioned, firstAdmin, deletionCode, deletionExpires, createdAt, now, version);
  }

  public Tenant withStep(String step, Instant now) {
    Set<String> steps = new LinkedHashSet<>(provisioned);
    steps.add(step);
    return new Tenant(config, status, suspendedReason, steps, firstAdmin, deletionCode, deletionExpires, createdAt, now, version);
  }

  public Tenant activated(Instant now) {
    TenantStatus next = status == TenantStatus.PROVISIONING ? TenantStatus.ACTIVE : status;
    return new Tenant(config, next, suspendedReason, provisioned, firstAdmin, deletionCode, deletionExpires, createdAt, now, version);
  }

  public Tenant suspended(String reason, Instant now) {
    if (status == TenantStatus.DELETION_REQUESTED) {
      throw new DomainException(Kind.CONFLICT, "tenant " + id() + " is awaiting deletion");
    }
    return new Tenant(config, TenantStatus.SUSPENDED, reason == null || reason.isBlank() ? "suspended by the platform" : reason,
        provisioned, firstAdmin, null, null, createdAt, now, version);
  }

  public Tenant resumed(Instant now) {
    if (status != TenantStatus.SUSPENDED && status != TenantStatus.DELETION_REQUESTED) {
      throw new DomainException(Kind.CONFLICT, "tenant " + id() + " is not suspended");
    }
    return new Tenant(config, TenantStatus.ACTIVE, null, provisioned, firstAdmin, null, null, createdAt, now, version);
  }

  /** The same tenant at another deployment ({@code mongoUri} blank: the platform's own); its data is copied first. */
  public Tenant movedTo(String mongoUri, Instant now) {
    requireSuspended("move it");
    String next = mongoUri == null ? "" : mongoUri.trim();
    if (next.equals(config.mongoUri() == null ? "" : config.mongoUri())) {
      throw new DomainException(Kind.CONFLICT, "tenant " + id() + " is at that address already");
    }
    TenantConfig c = config;
    TenantConfig moved = new TenantConfig(c.id(), c.name(), c.country(), c.currency(), c.areaUnit(), c.languages(),
        c.timezone(), c.povertyLine(), c.fxRates(), next.isEmpty() ? null : next, c.maxPlotAreaHa(), c.providers());
    moved.validate();
    return new Tenant(moved, status, suspendedReason, provisioned, firstAdmin, deletionCode, deletionExpires, createdAt,
        now, version);
  }

  /** A restore or a move needs a tenant nobody writes to. */
  public void requireSuspended(String toDo) {
    if (status != TenantStatus.SUSPENDED) {
      throw new DomainException(Kind.CONFLICT, "suspend tenant " + id() + " before you " + toDo + "; it is "
          + status.code());
    }
  }

  public Tenant deletionRequested(String code, Instant expires, Instant now) {
    return new Tenant(config, TenantStatus.DELETION_REQUESTED, "deletion requested", provisioned, firstAdmin, code, expires,
        createdAt, now, version);
  }

  public void checkDeletionCode(String code, Instant now) {
    if (status != TenantStatus.DELETION_REQUESTED || deletionCode == null) {
      throw new DomainException(Kind.CONFLICT, "request the deletion of tenant " + id() + " first");
    }
    if (deletionExpires.isBefore(now)) {
      throw new DomainException(Kind.CONFLICT, "the deletion request has expired; request it again");
    }
    if (!deletionCode.equals(code)) {
      throw DomainException.invalid("confirmation", "does not match the deletion request");
    }
  }
}
