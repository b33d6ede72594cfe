package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.MassBalance;
import org.mu1000.platform.valuechain.domain.Transformation;
import org.mu1000.platform.valuechain.domain.ValueChainStore;
import org.mu1000.platform.valuechain.domain.Warehouse;

/**
 * Processing, sorting and blending: whole input lots become output lots, and mass never grows.
 */
@ApplicationScoped
public class TransformationService {
  private ValueChain chain;
  private GradingService grading;
  private TraceService trace;
  private LotService lotService;

  protected TransformationService() {}

  @Inject
  public TransformationService(ValueChain chain, GradingService grading, TraceService trace, LotService lotService) {
    this.chain = chain;
    this.grading = grading;
    this.trace = trace;
    this.lotService = lotService;
  }

  public record OutputSpec(String commodity, String grade, BigDecimal kg) {}

  public record TransformInput(String kind, List<String> inputLotIds, List<OutputSpec> outputs) {}

  public record Transformed(Transformation transformation, List<Lot> outputs) {}

  public Transformed transform(Tenant t, Caller c, TransformInput in) {
    ValueChain.require(c.mayHandleLots(), "your role may not transform lots");
    Violations v = new Violations();
    v.require(in.kind() != null && Transformation.KINDS.contains(in.kind()), "kind",
        "must be one of " + Transformation.KINDS);
    v.require(in.inputLotIds() != null && !in.inputLotIds().isEmpty(), "inputLotIds", "needs at least one lot");
    v.require(in.outputs() != null && !in.outputs().isEmpty(), "outputs", "needs at least one output");
    v.throwIfAny();
    List<Lot> inputs = lotService.load(t, c, in.inputLotIds(), "inputLotIds");
    Lot first = inputs.get(0);
    for (int i = 0; i < inputs.size(); i++) {
      Lot l = inputs.get(i);
      String at = "inputLotIds[" + i + "]";
      v.require(l.status() == Status.STORED, at, "lot " + l.code() + " is " + l.status().code()
          + ": only lots in a warehouse can be transformed");
      v.require(first.warehouseId() == null || first.warehouseId().equals(l.warehouseId()), at,
          "lot " + l.code() + " is in another warehouse");
      v.require(l.programmeId().equals(first.programmeId()), at, "lot " + l.code() + " is of another programme");
      v.require(l.orderId() == null, at, "lot " + l.code() + " is allocated to an order");
      if ("blending".equals(in.kind())) {
        v.require(l.grade().equals(first.grade()) && l.commodity().equals(first.commodity()), at,
            "blending mixes lots of one commodity and grade only");
      }
    }
    GradingStandard std = grading.version(t, first.programmeId(), first.standardVersion());
    for (int i = 0; i < in.outputs().size(); i++) {
      OutputSpec o = in.outputs().get(i);
      v.require(o.commodity() != null && !o.commodity().isBlank(), "outputs[" + i + "].commodity", "is required");
      v.require(o.grade() != null && (std.hasGrade(o.grade()) || !o.commodity().equals(std.commodity())),
          "outputs[" + i + "].grade", "is required (a grade of the standard for the same commodity)");
      if ("blending".equals(in.kind())) {
        v.require(first.grade().equals(o.grade()), "outputs[" + i + "].grade", "a blend keeps the grade "
            + first.grade());
      }
    }
    v.throwIfAny();
    BigDecimal loss = MassBalance.loss(inputs.stream().map(Lot::kg).toList(),
        in.outputs().stream().map(OutputSpec::kg).toList());
    Instant now = Instant.now();
    LocalDate harvest = inputs.stream().map(Lot::harvestDate).max(LocalDate::compareTo).orElseThrow();
    String coop = inputs.stream().allMatch(l -> java.util.Objects.equals(l.cooperativeId(), first.cooperativeId()))
        ? first.cooperativeId() : null;
    for (Lot l : inputs) {
      lotService.save(t, l.moved(Status.CONSUMED, l.warehouseId(), now), l.version());
    }
    List<Lot> outputs = new ArrayList<>();
    for (OutputSpec o : in.outputs()) {
      String id = Ids.next("lt");
      Lot lot = new Lot(id, lotService.claimCode(t, id, harvest), first.programmeId(), o.commodity(), o.grade(),
          first.standardVersion(), o.kg(), Map.of(), false, null, null, coop, null, harvest, first.season(),
          Status.STORED, first.warehouseId(), null, null, null, inputs.stream().map(Lot::id).toList(), now, now, 0);
      chain.store(t).insert(ValueChainStore.LOTS, id, lot);
      outputs.add(lotService.lot(t, id));
    }
    String tid = Ids.next("tf");
    Transformation tr = new Transformation(tid, in.kind(), first.warehouseId(),
        inputs.stream().map(Lot::id).toList(), inputs.stream().map(Lot::kg).reduce(BigDecimal.ZERO, BigDecimal::add),
        outputs.stream().map(Lot::id).toList(), outputs.stream().map(Lot::kg).reduce(BigDecimal.ZERO,
            BigDecimal::add), loss, now, c.username(), 0);
    chain.store(t).insert(ValueChainStore.TRANSFORMATIONS, tid, tr);
    Warehouse w = first.warehouseId() == null ? null : lotService.warehouse(t, first.warehouseId());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", "TransformationEvent");
    e.put("inputQuantityList", LotService.quantities(inputs));
    e.put("outputQuantityList", LotService.quantities(outputs));
    e.put("transformationID", "urn:mu1000:transformation:" + tid);
    e.put("bizStep", "creating_class_instance");
    e.put("disposition", "active");
    LotService.where(e, w == null ? "warehouse" : w.name(), first.warehouseId());
    e.put("mu1000:transformation", Map.of("kind", in.kind(), "lossKg", loss));
    List<String> touched = new ArrayList<>(tr.inputLotIds());
    touched.addAll(tr.outputLotIds());
    trace.record(t, e, touched);
    chain.audit(t, c, "lots.transformed", "transformation", tid, null, tr);
    return new Transformed(chain.store(t).find(ValueChainStore.TRANSFORMATIONS, tid, Transformation.class)
        .orElseThrow(), outputs);
  }
}
