package org.mu1000.platform.registry.domain;

import java.math.BigDecimal;
import java.util.Map;

/** A farmer's field: where it is (GeoJSON, WGS 84) and how large it is in m², computed, never typed in for polygons. */
public record Plot(
    String id,
    String farmerId,
    String externalId,
    String crop,
    Integer plantingYear,
    Map<String, Object> geometry,
    BigDecimal declaredAreaM2,
    BigDecimal areaM2,
    long version) {

  /** A plot with its area computed from the geometry; refuses invalid or self-intersecting shapes. */
  public static Plot measured(String id, String farmerId, String externalId, String crop, Integer plantingYear,
      Map<String, Object> geometry, BigDecimal declaredAreaM2, long version) {
    if (crop == null || crop.isBlank()) {
      throw org.mu1000.platform.shared.domain.DomainException.invalid("crop", "is required");
    }
    BigDecimal area = GeoArea.areaM2(geometry, declaredAreaM2);
    return new Plot(id, farmerId, externalId, crop, plantingYear, geometry, declaredAreaM2, area, version);
  }
}
