package org.mu1000.platform.impact.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A harvest lot's share of the figures: its value and where it counts. */
public record Contribution(String programmeId, String season, String plotId, String farmerId, String cooperativeId,
    LocalDate harvestDate, BigDecimal kg, BigDecimal local, BigDecimal usd) {}
