package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.impact.application.ImpactService;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.Lot.Status;

/**
 * Corrections of a lot's weight or measurements: a new event on the lot, never an edit of the past.
 */
@ApplicationScoped
public class LotCorrections {
  private ValueChain chain;
  private GradingService grading;
  private TraceService trace;
  private ImpactService impact;
  private LotService lotService;

  protected LotCorrections() {}

  @Inject
  public LotCorrections(ValueChain chain, GradingService grading, TraceService trace, ImpactService impact,
      LotService lotService) {
    this.chain = chain;
    this.grading = grading;
    this.trace = trace;
    this.impact = impact;
    this.lotService = lotService;
  }

  public record Correction(BigDecimal kg, Map<String, BigDecimal> measurements, String reason) {}

  /** A correction is a new event on the lot; the lot shows the corrected state and its history shows both. */
  public Lot correct(Tenant t, Caller c, String id, Correction in, long expected) {
    ValueChain.require(c.mayHandleLots(), "your role may not correct lots");
    Lot cur = lotService.get(t, c, id);
    Map<String, BigDecimal> given = in.measurements() == null || in.measurements().isEmpty() ? null
        : in.measurements();
    Violations v = new Violations();
    v.require(in.reason() != null && !in.reason().isBlank(), "reason", "is required: say why the lot is corrected");
    v.require(in.kg() == null || in.kg().signum() > 0, "kg", "must be positive");
    v.require(in.kg() != null || given != null, "kg", "give the corrected kg or measurements (or both)");
    v.throwIfAny();
    if (!cur.harvest() || (cur.status() != Status.COLLECTED && cur.status() != Status.STORED)) {
      throw new DomainException(Kind.CONFLICT, "lot " + cur.code() + " is " + cur.status().code()
          + (cur.harvest() ? "" : " and not a harvest lot") + ": it can no longer be corrected");
    }
    GradingStandard std = grading.version(t, cur.programmeId(), cur.standardVersion());
    Map<String, BigDecimal> m = given == null ? cur.measurements() : given;
    String grade = given == null ? cur.grade() : std.grade(m);
    if (cur.orderId() != null && !grade.equals(cur.grade())) {
      throw new DomainException(Kind.CONFLICT, "lot " + cur.code() + " is allocated to order line "
          + cur.orderLineId() + " of grade " + cur.grade() + "; release it before changing its grade");
    }
    BigDecimal kg = in.kg() == null ? cur.kg() : in.kg();
    Lot next = cur.with(cur.status(), cur.warehouseId(), cur.orderId(), cur.orderLineId(), cur.shipmentId(), kg,
        grade, m, Instant.now());
    // everything that can refuse the correction is worked out before the lot changes
    var before = lotService.contribution(t, cur);
    var after = lotService.contribution(t, next);
    Lot saved = lotService.save(t, next, expected);
    Map<String, Object> e = lotService.objectEvent("OBSERVE", "inspecting", GradingStandard.REJECT.equals(grade)
        ? "non_conformant" : "conformant", List.of(saved), null, saved.cooperativeId(), null);
    Map<String, Object> corr = new LinkedHashMap<>();
    corr.put("reason", in.reason());
    corr.put("previousKg", cur.kg());
    corr.put("previousGrade", cur.grade());
    corr.put("kg", saved.kg());
    corr.put("grade", saved.grade());
    e.put("mu1000:correction", corr);
    trace.record(t, e, List.of(id));
    impact.changed(t, before, after);
    chain.audit(t, c, "lot.corrected", "lot", id, cur, saved);
    return saved;
  }
}
