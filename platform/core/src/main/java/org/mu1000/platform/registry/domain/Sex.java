package org.mu1000.platform.registry.domain;

public enum Sex {
  FEMALE, MALE, OTHER;

  public String code() {
    return name().toLowerCase();
  }

  public static Sex of(String code) {
    return valueOf(code.trim().toUpperCase());
  }
}
