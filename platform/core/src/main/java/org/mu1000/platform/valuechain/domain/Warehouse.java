package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import org.mu1000.platform.shared.domain.Violations;

/** An origin warehouse (or washing station) where lots are stored, optionally run by a cooperative. */
public record Warehouse(String id, String name, String cooperativeId, String district, String region,
    BigDecimal latitude, BigDecimal longitude, long version) {

  public void validate() {
    Violations v = new Violations();
    v.require(name != null && !name.isBlank(), "name", "is required");
    v.require(latitude == null || latitude.abs().compareTo(new BigDecimal("90")) <= 0, "latitude", "must be -90..90");
    v.require(longitude == null || longitude.abs().compareTo(new BigDecimal("180")) <= 0, "longitude",
        "must be -180..180");
    v.throwIfAny();
  }
}
