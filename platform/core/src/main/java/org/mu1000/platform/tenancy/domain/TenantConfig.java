package org.mu1000.platform.tenancy.domain;

import org.mu1000.platform.kernel.FxRate;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mu1000.platform.shared.domain.Violations;

/** A country project's settings: what an aid agency configures when it opens a tenant. */
public record TenantConfig(
    String id,
    String name,
    String country,
    String currency,
    AreaUnit areaUnit,
    List<String> languages,
    String timezone,
    BigDecimal povertyLine,
    List<FxRate> fxRates,
    String mongoUri,
    BigDecimal maxPlotAreaHa,
    List<ProviderConfig> providers) {

  /** No smallholder's plot is larger unless the tenant says so: a larger one is a typing or unit mistake. */
  public static final BigDecimal DEFAULT_MAX_PLOT_AREA_HA = new BigDecimal("1000");

  private static final Set<String> COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
  private static final Set<String> LANGUAGES = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));

  public TenantConfig {
    languages = languages == null ? List.of() : List.copyOf(languages);
    fxRates = fxRates == null ? List.of()
        : fxRates.stream().sorted(Comparator.comparing(FxRate::date)).toList();
    providers = providers == null ? null : List.copyOf(providers);
  }

  /** The tenant's providers; none when they were not given. */
  @Override
  public List<ProviderConfig> providers() {
    return providers == null ? List.of() : providers;
  }

  /** Whether providers were given at all: a change that leaves them out keeps the tenant's. */
  public boolean providersGiven() {
    return providers != null;
  }

  public TenantConfig(String id, String name, String country, String currency, AreaUnit areaUnit,
      List<String> languages, String timezone, BigDecimal povertyLine, List<FxRate> fxRates, String mongoUri,
      BigDecimal maxPlotAreaHa) {
    this(id, name, country, currency, areaUnit, languages, timezone, povertyLine, fxRates, mongoUri, maxPlotAreaHa,
        null);
  }

  /** The tenant's provider of a family (payments, sms), if it has one. */
  public java.util.Optional<ProviderConfig> provider(String family) {
    return providers.stream().filter(p -> p.family().equals(family)).findFirst();
  }

  /** The same settings with other providers (their secrets kept where the new ones leave them out). */
  public TenantConfig withProviders(List<ProviderConfig> next) {
    List<ProviderConfig> merged = next == null ? providers() : next.stream()
        .map(p -> p.keepingSecretsOf(provider(p.family()).orElse(null))).toList();
    return new TenantConfig(id, name, country, currency, areaUnit, languages, timezone, povertyLine, fxRates,
        mongoUri, maxPlotAreaHa, merged);
  }

  public TenantConfig(String id, String name, String country, String currency, AreaUnit areaUnit,
      List<String> languages, String timezone, BigDecimal povertyLine, List<FxRate> fxRates, String mongoUri) {
    this(id, name, country, currency, areaUnit, languages, timezone, povertyLine, fxRates, mongoUri, null);
  }

  /** The largest plot this tenant takes, in m². */
  public BigDecimal maxPlotAreaM2() {
    return (maxPlotAreaHa == null ? DEFAULT_MAX_PLOT_AREA_HA : maxPlotAreaHa).multiply(BigDecimal.valueOf(10_000));
  }

  /** Whether the tenant's data lives on a MongoDB of its own (in-country hosting) rather than the platform's. */
  public boolean hasOwnDatabase() {
    return mongoUri != null && !mongoUri.isBlank();
  }

  /** Checks everything a schema cannot: real ISO codes, a real time zone, positive amounts, one rate a day. */
  public void validate() {
    Violations v = new Violations();
    v.require(id != null && id.matches("[a-z][a-z0-9-]{1,30}"), "id",
        "must be 2-31 lower-case letters, digits or dashes, starting with a letter");
    v.require(name != null && !name.isBlank(), "name", "is required");
    v.require(country != null && COUNTRIES.contains(country), "country", "must be an ISO 3166-1 alpha-2 code");
    v.require(currency != null && isCurrency(currency), "currency", "must be an ISO 4217 currency code");
    v.require(areaUnit != null, "areaUnit", "must be one of mu, ha, acre, m2");
    v.require(!languages.isEmpty(), "languages", "needs at least one language");
    for (int i = 0; i < languages.size(); i++) {
      v.require(LANGUAGES.contains(languages.get(i)), "languages[" + i + "]", "must be an ISO 639 language code");
    }
    v.require(timezone != null && isZone(timezone), "timezone", "must be an IANA time zone such as Africa/Kigali");
    v.require(povertyLine != null && povertyLine.signum() > 0, "povertyLine", "must be a positive amount");
    v.require(!hasOwnDatabase() || mongoUri.startsWith("mongodb://") || mongoUri.startsWith("mongodb+srv://"),
        "mongoUri", "must be a MongoDB connection string (mongodb://… or mongodb+srv://…)");
    v.require(maxPlotAreaHa == null || maxPlotAreaHa.signum() > 0 && maxPlotAreaHa.compareTo(new BigDecimal("100000"))
        <= 0, "maxPlotAreaHa", "must be more than 0 and at most 100,000 ha");
    Set<String> families = new HashSet<>();
    for (int i = 0; i < providers().size(); i++) {
      providers().get(i).validate(v, "providers[" + i + "]", families);
    }
    Set<Object> days = new HashSet<>();
    for (int i = 0; i < fxRates.size(); i++) {
      FxRate r = fxRates.get(i);
      v.require(r.date() != null, "fxRates[" + i + "].date", "is required");
      v.require(r.rate() != null && r.rate().signum() > 0, "fxRates[" + i + "].rate", "must be positive");
      v.require(r.date() == null || days.add(r.date()), "fxRates[" + i + "].date", "appears twice");
    }
    v.throwIfAny();
  }

  private static boolean isCurrency(String code) {
    try {
      return Currency.getInstance(code).getCurrencyCode().equals(code);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
