package org.mu1000.tenants;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The shape of a {@code tenant.yaml}. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TemplateFile(
    String id,
    String name,
    String country,
    String currency,
    String areaUnit,
    List<String> languages,
    String timezone,
    BigDecimal povertyLine,
    List<Fx> fxRates,
    Admin firstAdmin,
    List<Provider> providers,
    Demo demo) {

  /** A provider of the tenant (secrets here are the sandboxes' own; real ones are set through the tenant API). */
  public record Provider(String family, String provider, java.util.Map<String, String> settings,
      java.util.Map<String, String> secrets) {}

  public record Fx(LocalDate date, BigDecimal rate) {}

  public record Admin(String username, String email) {}

  public record Demo(long seed, int farmers, List<DemoProgramme> programmes, List<DemoCoop> cooperatives,
      List<String> givenNamesFemale, List<String> givenNamesMale, List<String> familyNames, String msisdnPrefix,
      Range baselineIncome, List<DemoFunding> funding, DemoPublisher iatiPublisher) {
    public Demo {
      funding = funding == null ? List.of() : funding;
    }
  }

  /** A funder's commitment to a demo programme, and the donor users who read its figures. */
  public record DemoFunding(String programme, String funderName, String funderRef, String funderType,
      BigDecimal amount, String currency, LocalDate start, LocalDate end, List<String> donors) {}

  /** The demo tenant's IATI reporting organisation. */
  public record DemoPublisher(String ref, String name, String type) {}

  public record DemoProgramme(String id, String name, String commodity, LocalDate seasonStart, LocalDate seasonEnd,
      BigDecimal targetUsdPerMu, BigDecimal baselineUsdPerMu, BigDecimal cooperativeFeePercent) {}

  public record DemoCoop(String id, String name, String registrationNumber, String district, String region,
      String crop, String programme, BigDecimal latitude, BigDecimal longitude, int share, String point,
      List<String> certifications) {}

  public record Range(int min, int max) {}
}
