package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/**
 * A funder's commitment to a programme, set by the agency: who funds (name, IATI organisation identifier and type),
 * how much over which period, and the donor users of that funder who may read the programme's figures.
 */
public record Funding(String id, String programmeId, String funderName, String funderRef, String funderType,
    BigDecimal amount, String currency, LocalDate start, LocalDate end, List<String> donors, long version) {
  /** IATI OrganisationType codes. */
  public static final Set<String> ORGANISATION_TYPES = Set.of("10", "11", "15", "21", "22", "23", "24", "30", "40",
      "60", "70", "71", "72", "73", "80", "90");

  public Funding {
    donors = donors == null ? List.of() : List.copyOf(donors);
  }

  public void validate() {
    Violations v = new Violations();
    v.require(programmeId != null && !programmeId.isBlank(), "programmeId", "is required");
    v.require(funderName != null && !funderName.isBlank(), "funderName", "is required");
    Texts.check(v, "funderName", funderName);
    v.require(funderRef == null || funderRef.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,99}"), "funderRef",
        "must be an IATI organisation identifier, e.g. GB-GOV-1");
    v.require(funderType != null && ORGANISATION_TYPES.contains(funderType), "funderType",
        "must be an IATI organisation type code: 10 government, 21 international NGO, 40 multilateral, 60 foundation, ...");
    v.require(amount != null && amount.signum() > 0, "amount", "must be more than 0");
    v.require(amount == null || amount.scale() <= 2, "amount", "has at most 2 decimals");
    v.require(currency != null && currency.matches("[A-Z]{3}"), "currency", "must be an ISO 4217 code");
    v.require(start != null, "start", "is required");
    v.require(end != null, "end", "is required");
    v.require(start == null || end == null || !end.isBefore(start), "end", "is before the start");
    for (int i = 0; i < donors.size(); i++) {
      v.require(donors.get(i) != null && donors.get(i).matches("[a-z0-9._@-]{2,100}"), "donors[" + i + "]",
          "must be a user name");
    }
    v.throwIfAny();
  }
}
