package org.mu1000.platform.registry.application;

import java.time.LocalDate;
import java.util.List;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Sex;

/** What a person (or an import row) types in for a farmer, before it is checked. The national id is in clear here only. */
public record FarmerInput(
    String externalId,
    String givenName,
    String familyName,
    Sex sex,
    Integer birthYear,
    Integer householdSize,
    String msisdn,
    String nationalId,
    String cooperativeId,
    List<String> programmeIds,
    Money baselineAnnualIncome,
    Boolean consentGiven,
    LocalDate consentDate) {}
