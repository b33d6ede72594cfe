package org.mu1000.platform.webhooks.domain;

import java.util.List;

/** A URL a tenant admin subscribed to registry events, with the secret that signs what it is sent. */
public record Subscription(String id, String url, String secret, List<String> eventTypes, boolean active) {}
