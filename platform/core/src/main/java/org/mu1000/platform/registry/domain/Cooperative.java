package org.mu1000.platform.registry.domain;

import java.math.BigDecimal;
import java.util.List;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;

/** A producer organisation that registers farmers and runs collection points. */
public record Cooperative(
    String id,
    String name,
    String registrationNumber,
    String district,
    String region,
    List<CollectionPoint> collectionPoints,
    List<String> certifications,
    long version) {

  public record CollectionPoint(String name, BigDecimal latitude, BigDecimal longitude) {}

  public Cooperative {
    collectionPoints = collectionPoints == null ? List.of() : List.copyOf(collectionPoints);
    certifications = certifications == null ? List.of() : certifications.stream().filter(x -> x != null && !x.isBlank())
        .map(String::trim).distinct().toList();
  }

  public void validate() {
    Violations v = new Violations();
    v.require(name != null && !name.isBlank(), "name", "is required");
    Texts.check(v, "name", name);
    Texts.check(v, "registrationNumber", registrationNumber);
    Texts.check(v, "district", district);
    Texts.check(v, "region", region);
    for (int i = 0; i < certifications.size(); i++) {
      Texts.check(v, "certifications[" + i + "]", certifications.get(i));
    }
    for (int i = 0; i < collectionPoints.size(); i++) {
      CollectionPoint p = collectionPoints.get(i);
      Texts.check(v, "collectionPoints[" + i + "].name", p.name());
      v.require(p.latitude() != null && p.latitude().abs().compareTo(BigDecimal.valueOf(90)) <= 0,
          "collectionPoints[" + i + "].latitude", "must be within ±90");
      v.require(p.longitude() != null && p.longitude().abs().compareTo(BigDecimal.valueOf(180)) <= 0,
          "collectionPoints[" + i + "].longitude", "must be within ±180");
    }
    v.throwIfAny();
  }
}
