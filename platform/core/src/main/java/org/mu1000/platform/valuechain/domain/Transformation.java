package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Processing, sorting or blending: input lots consumed, output lots made, and the loss between them. */
public record Transformation(String id, String kind, String warehouseId, List<String> inputLotIds,
    BigDecimal inputKg, List<String> outputLotIds, BigDecimal outputKg, BigDecimal lossKg, Instant at, String by,
    long version) {

  public static final List<String> KINDS = List.of("processing", "sorting", "blending");
}
