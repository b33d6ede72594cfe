package org.mu1000.platform.tenancy.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mu1000.platform.shared.domain.Violations;

/**
 * One of a tenant's providers (its mobile-money operator, payment switch, SMS gateway): which one, its settings, and
 * its secrets, which the API accepts but never returns.
 */
public record ProviderConfig(String family, String provider, Map<String, String> settings,
    Map<String, String> secrets) {
  public static final String PAYMENTS = "payments";
  public static final String SMS = "sms";

  /** The providers each family knows, and the settings and secrets each needs. */
  static final Map<String, Map<String, Need>> KNOWN = Map.of(
      PAYMENTS, Map.of(
          "momo", new Need(List.of("baseUrl", "targetEnvironment", "apiUser", "callbackBaseUrl"),
              List.of("apiKey", "subscriptionKey", "callbackToken")),
          "mojaloop", new Need(List.of("baseUrl", "fspId"), List.of("callbackToken"), List.of("transfers")),
          "mpesa", new Need(List.of("baseUrl", "shortCode", "initiatorName", "callbackBaseUrl"),
              List.of("consumerKey", "consumerSecret", "securityCredential", "callbackToken"))),
      SMS, Map.of(
          "africastalking", new Need(List.of("baseUrl", "username"), List.of("apiKey"), List.of("from"))));

  /** The settings and secrets a provider needs, and the settings it may have. */
  public record Need(List<String> settings, List<String> secrets, List<String> optional) {
    public Need(List<String> settings, List<String> secrets) {
      this(settings, secrets, List.of());
    }
  }

  /** The providers of a family and what each needs, for forms that configure them. */
  public static Map<String, Need> known(String family) {
    return KNOWN.getOrDefault(family, Map.of());
  }

  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,40}");

  public ProviderConfig {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }

  public String setting(String name) {
    return settings.get(name);
  }

  public String secret(String name) {
    return secrets.get(name);
  }

  /** This configuration, with every secret it leaves out taken from the one it replaces (secrets are write-only). */
  public ProviderConfig keepingSecretsOf(ProviderConfig previous) {
    if (previous == null || !previous.family.equals(family) || !previous.provider.equals(provider)) {
      return this;
    }
    Map<String, String> merged = new LinkedHashMap<>(previous.secrets);
    merged.putAll(secrets);
    return new ProviderConfig(family, provider, settings, merged);
  }

  void validate(Violations v, String field, Set<String> familiesSeen) {
    Map<String, Need> known = KNOWN.get(family);
    v.require(known != null, field + ".family", "must be one of " + KNOWN.keySet());
    if (known == null) {
      return;
    }
    v.require(familiesSeen.add(family), field + ".family", "names " + family + " twice; a tenant has one per family");
    Need need = known.get(provider);
    v.require(need != null, field + ".provider", "must be one of " + known.keySet() + " for " + family);
    if (need == null) {
      return;
    }
    for (String s : need.settings()) {
      v.require(settings.get(s) != null && !settings.get(s).isBlank(), field + ".settings." + s, "is required");
    }
    for (String s : need.secrets()) {
      v.require(secrets.get(s) != null && !secrets.get(s).isBlank(), field + ".secrets." + s, "is required");
    }
    String transfers = settings.get("transfers");
    v.require(!provider.equals("mojaloop") || transfers == null || transfers.equals("bulk")
        || transfers.equals("single"), field + ".settings.transfers", "must be bulk or single");
    settings.forEach((k, val) -> v.require(KEY.matcher(k).matches() && val != null && val.length() <= 500,
        field + ".settings." + k, "must be a name with a value of at most 500 characters"));
    secrets.forEach((k, val) -> v.require(KEY.matcher(k).matches() && val != null && val.length() <= 500,
        field + ".secrets." + k, "must be a name with a value of at most 500 characters"));
    for (String url : List.of("baseUrl", "callbackBaseUrl")) {
      String u = settings.get(url);
      v.require(u == null || u.startsWith("http://") || u.startsWith("https://"), field + ".settings." + url,
          "must be an http(s) URL");
    }
  }
}
