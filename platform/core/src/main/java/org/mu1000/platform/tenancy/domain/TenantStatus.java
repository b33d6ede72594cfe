package org.mu1000.platform.tenancy.domain;

public enum TenantStatus {
  PROVISIONING, ACTIVE, SUSPENDED, DELETION_REQUESTED;

  public String code() {
    return name().toLowerCase().replace('_', '-');
  }

  public static TenantStatus of(String code) {
    return valueOf(code.toUpperCase().replace('-', '_'));
  }
}
