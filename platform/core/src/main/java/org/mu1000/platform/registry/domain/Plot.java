package org.mu1000.platform.registry.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Numbers;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

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

  /** No smallholder's plot is larger unless the tenant says so (1,000 ha): a larger one is a typing or unit mistake. */
  public static final BigDecimal MAX_AREA_M2 = new BigDecimal("10000000");

  /** A plot measured against the default largest area. */
  public static Plot measured(String id, String farmerId, String externalId, String crop, Integer plantingYear,
      Map<String, Object> geometry, BigDecimal declaredAreaM2, long version) {
    return measured(id, farmerId, externalId, crop, plantingYear, geometry, declaredAreaM2, version, MAX_AREA_M2);
  }

  /**
   * A plot with its area computed from the geometry; refuses invalid or self-intersecting shapes and plots larger
   * than {@code maxAreaM2}. Only the members GeoJSON defines for a geometry (type, coordinates) are kept.
   */
  public static Plot measured(String id, String farmerId, String externalId, String crop, Integer plantingYear,
      Map<String, Object> geometry, BigDecimal declaredAreaM2, long version, BigDecimal maxAreaM2) {
    if (crop == null || crop.isBlank()) {
      throw DomainException.invalid("crop", "is required");
    }
    Violations v = new Violations();
    Numbers.check(v, "declaredAreaM2", declaredAreaM2);
    Texts.check(v, "crop", crop);
    Texts.check(v, "externalId", externalId);
    v.throwIfAny();
    BigDecimal area = GeoArea.areaM2(geometry, declaredAreaM2);
    if (area.compareTo(maxAreaM2) > 0) {
      throw DomainException.invalid(declaredAreaM2 != null && "Point".equals(geometry.get("type"))
          ? "declaredAreaM2" : "geometry", "is larger than " + maxAreaM2.movePointLeft(4).stripTrailingZeros()
          .toPlainString() + " ha, this tenant's largest plot: check the unit (m²) and the shape");
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("type", geometry.get("type"));
    kept.put("coordinates", geometry.get("coordinates"));
    return new Plot(id, farmerId, externalId, crop, plantingYear, kept, declaredAreaM2, area, version);
  }
}
