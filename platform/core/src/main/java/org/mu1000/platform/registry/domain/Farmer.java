package org.mu1000.platform.registry.domain;

import org.mu1000.platform.kernel.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** A smallholder household's registered member. Identity documents are kept only as hash + last four characters. */
public record Farmer(
    String id,
    String externalId,
    String givenName,
    String familyName,
    Sex sex,
    Integer birthYear,
    Integer householdSize,
    String msisdn,
    String nationalIdHash,
    String nationalIdLast4,
    String cooperativeId,
    List<String> programmeIds,
    Money baselineAnnualIncome,
    Boolean consentGiven,
    LocalDate consentDate,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String E164 = "\\+[1-9][0-9]{7,14}";

  public Farmer {
    programmeIds = programmeIds == null ? List.of() : List.copyOf(programmeIds);
  }

  /** Rules beyond the schema: they hold for the API, the UI and every import row alike. */
  public void validate(String tenantCurrency, LocalDate today) {
    Violations v = new Violations();
    v.require(givenName != null && !givenName.isBlank(), "givenName", "is required");
    v.require(familyName != null && !familyName.isBlank(), "familyName", "is required");
    Texts.check(v, "givenName", givenName);
    Texts.check(v, "familyName", familyName);
    Texts.check(v, "externalId", externalId);
    v.require(sex != null, "sex", "must be female, male or other");
    v.require(cooperativeId != null && !cooperativeId.isBlank(), "cooperativeId", "is required");
    v.require(msisdn == null || msisdn.matches(E164), "msisdn", "must be an E.164 number such as +250788123456");
    int year = Year.from(today).getValue();
    v.require(birthYear == null || (birthYear >= year - 120 && birthYear <= year - 10), "birthYear",
        "must be between " + (year - 120) + " and " + (year - 10));
    v.require(householdSize == null || (householdSize >= 1 && householdSize <= 50), "householdSize",
        "must be between 1 and 50");
    if (baselineAnnualIncome != null) {
      v.require(baselineAnnualIncome.amount() != null && baselineAnnualIncome.amount().signum() >= 0,
          "baselineAnnualIncome.amount", "must be zero or more");
      v.require(tenantCurrency.equals(baselineAnnualIncome.currency()), "baselineAnnualIncome.currency",
          "must be the tenant's currency " + tenantCurrency);
    }
    v.require(consentDate == null || !consentDate.isAfter(today), "consent.date", "cannot be in the future");
    v.require(!Boolean.TRUE.equals(consentGiven) || consentDate != null, "consent.date",
        "is required when consent is given");
    v.throwIfAny();
  }

  public String displayName() {
    return givenName + " " + familyName;
  }
}
