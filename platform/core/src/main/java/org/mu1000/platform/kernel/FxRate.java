package org.mu1000.platform.kernel;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Local currency units per US dollar, valid from a date until the next rate. */
public record FxRate(LocalDate date, BigDecimal rate) {}
