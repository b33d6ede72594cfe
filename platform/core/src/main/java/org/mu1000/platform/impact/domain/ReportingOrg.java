package org.mu1000.platform.impact.domain;

import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** The organisation that publishes the tenant's programmes to IATI: the agency running the country project. */
public record ReportingOrg(String id, String ref, String name, String type, long version) {
  public void validate() {
    Violations v = new Violations();
    v.require(ref != null && ref.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,99}"), "ref",
        "must be the IATI organisation identifier, e.g. XM-DAC-41114");
    v.require(name != null && !name.isBlank(), "name", "is required");
    Texts.check(v, "name", name);
    v.require(type != null && Funding.ORGANISATION_TYPES.contains(type), "type",
        "must be an IATI organisation type code: 10 government, 21 international NGO, 40 multilateral, ...");
    v.throwIfAny();
  }
}
