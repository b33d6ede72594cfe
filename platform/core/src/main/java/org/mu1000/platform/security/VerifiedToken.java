package org.mu1000.platform.security;

/** What a verified access token asserts: its subject, the username shown, and the client it was issued to. */
public record VerifiedToken(String subject, String username, String clientId) {}
