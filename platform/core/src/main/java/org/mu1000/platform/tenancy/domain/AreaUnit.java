package org.mu1000.platform.tenancy.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Display units for land; everything is stored in m². One mu is 10 000 / 15 m² (≈ 666.67 m²). */
public enum AreaUnit {
  M2(BigDecimal.ONE),
  MU(new BigDecimal(10000).divide(new BigDecimal(15), MathContext.DECIMAL64)),
  HA(new BigDecimal(10000)),
  ACRE(new BigDecimal("4046.8564224"));

  private final BigDecimal squareMetres;

  AreaUnit(BigDecimal squareMetres) {
    this.squareMetres = squareMetres;
  }

  public BigDecimal squareMetres() {
    return squareMetres;
  }

  /** An area in m² expressed in this unit, to 4 decimals. */
  public BigDecimal fromSquareMetres(BigDecimal m2) {
    return m2.divide(squareMetres, 4, RoundingMode.HALF_EVEN);
  }

  public String code() {
    return name().toLowerCase();
  }

  public static AreaUnit of(String code) {
    return valueOf(code.toUpperCase());
  }
}
