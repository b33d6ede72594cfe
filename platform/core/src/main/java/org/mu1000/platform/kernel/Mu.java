package org.mu1000.platform.kernel;

import java.math.BigDecimal;

/** The Chinese land unit the programme is judged by: 1 mu = 666.6667 m² (1/15 ha, to four decimals). */
public final class Mu {
  public static final BigDecimal M2_PER_MU = new BigDecimal("666.6667");

  private Mu() {}
}
