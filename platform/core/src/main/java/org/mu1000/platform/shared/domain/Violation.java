package org.mu1000.platform.shared.domain;

/** One invalid field: its JSON path and what is wrong with it. */
public record Violation(String field, String message) {}
