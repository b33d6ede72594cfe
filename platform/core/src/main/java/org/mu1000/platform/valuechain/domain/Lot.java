package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A quantity of one commodity of one grade that moves as a unit: graded at intake ({@code harvest} lots, which carry
 * the farmer and plot and count for impact) or made by a transformation (which carry their parent lots).
 */
public record Lot(
    String id,
    String code,
    String programmeId,
    String commodity,
    String grade,
    int standardVersion,
    BigDecimal kg,
    Map<String, BigDecimal> measurements,
    boolean harvest,
    String farmerId,
    String plotId,
    String cooperativeId,
    String deliveryId,
    LocalDate harvestDate,
    String season,
    Status status,
    String warehouseId,
    String orderId,
    String orderLineId,
    String shipmentId,
    List<String> parents,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Lot {
    measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
    parents = parents == null ? List.of() : List.copyOf(parents);
  }

  public enum Status {
    COLLECTED, STORED, SHIPPED, DELIVERED, CONSUMED;

    public String code() {
      return name().toLowerCase();
    }

    public static Status of(String code) {
      for (Status s : values()) {
        if (s.code().equals(code)) {
          return s;
        }
      }
      return null;
    }
  }

  public Lot with(Status s, String warehouse, String order, String line, String shipment, BigDecimal newKg,
      String newGrade, Map<String, BigDecimal> newMeasurements, Instant now) {
    return new Lot(id, code, programmeId, commodity, newGrade, standardVersion, newKg, newMeasurements, harvest,
        farmerId, plotId, cooperativeId, deliveryId, harvestDate, season, s, warehouse, order, line, shipment, parents,
        createdAt, now, version);
  }

  public Lot moved(Status s, String warehouse, Instant now) {
    return with(s, warehouse, orderId, orderLineId, shipmentId, kg, grade, measurements, now);
  }
}
