package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One farmer's delivery at a collection point: weighed once, split into graded lots. */
public record Delivery(String id, String farmerId, String plotId, String programmeId, String cooperativeId,
    LocalDate harvestDate, BigDecimal grossKg, String collectionPoint, List<String> lotIds, Instant createdAt,
    String createdBy, long version) {}
