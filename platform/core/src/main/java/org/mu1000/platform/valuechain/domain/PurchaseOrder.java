package org.mu1000.platform.valuechain.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Violations;

/**
 * A buyer's order: what they will take, of which grade, at what price, when. Prices are in the tenant currency.
 *
 * @param placedBy the subject of the person who placed it; a buyer sees and changes only the orders they placed
 */
public record PurchaseOrder(
    String id,
    String number,
    String programmeId,
    Buyer buyer,
    List<Line> lines,
    Status status,
    Instant createdAt,
    Instant updatedAt,
    long version,
    String placedBy) {

  public PurchaseOrder {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public PurchaseOrder(String id, String number, String programmeId, Buyer buyer, List<Line> lines, Status status,
      Instant createdAt, Instant updatedAt, long version) {
    this(id, number, programmeId, buyer, lines, status, createdAt, updatedAt, version, null);
  }

  public record Buyer(String name, String country, boolean export, String email) {}

  public record Line(String id, String commodity, String grade, BigDecimal quantityKg, BigDecimal pricePerKg,
      LocalDate deliveryFrom, LocalDate deliveryTo) {}

  public enum Status {
    DRAFT, CONFIRMED, IN_DELIVERY, FULFILLED, CANCELLED;

    public String code() {
      return name().toLowerCase().replace('_', '-');
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

  public Line line(String lineId) {
    return lines.stream().filter(l -> l.id().equals(lineId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("order line", lineId));
  }

  /** Lines can only be changed while the order is a draft. */
  public void validate(GradingStandard standard) {
    Violations v = new Violations();
    v.require(number != null && !number.isBlank(), "number", "is required");
    v.require(buyer != null && buyer.name() != null && !buyer.name().isBlank(), "buyer.name", "is required");
    v.require(!lines.isEmpty(), "lines", "needs at least one line");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      String at = "lines[" + i + "]";
      v.require(ids.add(l.id()), at + ".id", "appears twice");
      v.require(l.commodity() != null && !l.commodity().isBlank(), at + ".commodity", "is required");
      v.require(l.quantityKg() != null && l.quantityKg().signum() > 0, at + ".quantityKg", "must be positive");
      v.require(l.quantityKg() == null || l.quantityKg().scale() <= ProductionPlan.SCALE, at + ".quantityKg",
          "has more than 3 decimals (grams)");
      v.require(l.pricePerKg() != null && l.pricePerKg().signum() > 0, at + ".pricePerKg", "must be positive");
      v.require(l.deliveryFrom() != null, at + ".deliveryFrom", "is required");
      v.require(l.deliveryTo() == null || l.deliveryFrom() == null || !l.deliveryTo().isBefore(l.deliveryFrom()),
          at + ".deliveryTo", "must not be before deliveryFrom");
      if (standard != null && l.grade() != null) {
        v.require(standard.hasGrade(l.grade()) && !GradingStandard.REJECT.equals(l.grade()), at + ".grade",
            "is not a grade of the programme's standard v" + standard.version());
      }
      v.require(l.grade() != null && !l.grade().isBlank(), at + ".grade", "is required");
    }
    v.throwIfAny();
  }

  /** The lifecycle: draft → confirmed → in-delivery → fulfilled; draft or confirmed → cancelled. */
  public PurchaseOrder moveTo(Status next, Instant now) {
    boolean ok = switch (next) {
      case CONFIRMED -> status == Status.DRAFT;
      case IN_DELIVERY -> status == Status.CONFIRMED || status == Status.IN_DELIVERY;
      case FULFILLED -> status == Status.IN_DELIVERY;
      case CANCELLED -> status == Status.DRAFT || status == Status.CONFIRMED;
      case DRAFT -> false;
    };
    if (!ok) {
      throw new DomainException(Kind.CONFLICT, "order " + number + " is " + status.code() + " and cannot become "
          + next.code());
    }
    return new PurchaseOrder(id, number, programmeId, buyer, lines, next, createdAt, now, version, placedBy);
  }
}
