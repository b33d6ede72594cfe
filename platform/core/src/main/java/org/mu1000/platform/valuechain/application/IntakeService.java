package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.impact.application.ImpactService;
import org.mu1000.platform.impact.domain.Contribution;
import org.mu1000.platform.impact.domain.Rollup;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.ReferenceCache;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Texts;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.domain.Delivery;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.Lot.Status;
import org.mu1000.platform.valuechain.domain.Lot;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/**
 * Harvest intake at the collection point: a delivery weighed, split into lots, graded at once, numbered, traced, and
 * counted in the impact figures; the farmer's receipt as SMS text and PDF.
 */
@ApplicationScoped
public class IntakeService {
  /** A harvest may be recorded this long before or after the programme's season (early and late pickings). */
  static final java.time.Period SEASON_TOLERANCE = java.time.Period.ofDays(30);

  private ValueChain chain;
  private GradingService grading;
  private TraceService trace;
  private ImpactService impact;
  private ReferenceCache references;
  private LotService lotService;

  protected IntakeService() {}

  @Inject
  public IntakeService(ValueChain chain, GradingService grading, TraceService trace, ImpactService impact,
      ReferenceCache references, LotService lotService) {
    this.chain = chain;
    this.grading = grading;
    this.trace = trace;
    this.impact = impact;
    this.references = references;
    this.lotService = lotService;
  }

  public record Part(BigDecimal kg, Map<String, BigDecimal> measurements) {}

  public record IntakeInput(String farmerId, String plotId, String programmeId, LocalDate harvestDate,
      BigDecimal grossKg, String collectionPoint, List<Part> lots) {}

  public record Intake(Delivery delivery, List<Lot> lots, String receipt) {}

  public Intake intake(Tenant t, Caller c, IntakeInput in) {
    ValueChain.require(c.mayHandleLots(), "your role may not record harvest intake");
    Violations v = new Violations();
    v.require(in.farmerId() != null, "farmerId", "is required");
    v.require(in.plotId() != null, "plotId", "is required");
    v.require(in.harvestDate() != null, "harvestDate", "is required");
    v.require(in.grossKg() != null && in.grossKg().signum() > 0, "grossKg", "must be positive");
    Texts.check(v, "collectionPoint", in.collectionPoint());
    v.throwIfAny();
    Grower farmer = grower(t, c, in);
    GradingStandard std = null;
    String programmeId = in.programmeId();
    if (programmeId == null) {
      for (String p : farmer.programmeIds()) {
        std = grading.current(t, p).orElse(null);
        if (std != null) {
          programmeId = p;
          break;
        }
      }
      if (programmeId == null) {
        throw DomainException.invalid("programmeId", "the farmer is in no programme with a grading standard");
      }
    }
    v.require(farmer.programmeIds().contains(programmeId), "programmeId",
        "farmer " + farmer.id() + " is not enrolled in programme " + programmeId);
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    v.require(!in.harvestDate().isAfter(today), "harvestDate", "is in the future");
    Programme programme = references.programme(t, programmeId).orElse(null);
    if (programme != null && programme.seasonStart() != null && programme.seasonEnd() != null) {
      v.require(!in.harvestDate().isBefore(programme.seasonStart().minus(SEASON_TOLERANCE))
          && !in.harvestDate().isAfter(programme.seasonEnd().plus(SEASON_TOLERANCE)), "harvestDate",
          "is outside the programme's season " + programme.seasonStart() + " – " + programme.seasonEnd()
              + " (give or take " + SEASON_TOLERANCE.getDays() + " days)");
    }
    v.throwIfAny();
    if (std == null) {
      String pid = programmeId;
      std = grading.current(t, pid).orElseThrow(() -> DomainException.invalid("programmeId", "programme " + pid
          + " has no grading standard yet"));
    }
    List<Part> parts = in.lots() == null || in.lots().isEmpty() ? List.of(new Part(in.grossKg(), Map.of()))
        : in.lots();
    BigDecimal sum = BigDecimal.ZERO;
    List<String> grades = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      if (p.kg() == null || p.kg().signum() <= 0) {
        v.add("lots[" + i + "].kg", "must be positive");
        grades.add(null);
        continue;
      }
      sum = sum.add(p.kg());
      try {
        grades.add(std.grade(p.measurements()));
      } catch (DomainException e) {
        v.addAll("lots[" + i + "].", e.violations());
        grades.add(null);
      }
    }
    v.require(sum.compareTo(in.grossKg()) <= 0, "lots",
        "weigh " + sum.toPlainString() + " kg together, more than the gross " + in.grossKg().toPlainString() + " kg");
    v.throwIfAny();
    Instant now = Instant.now();
    String deliveryId = Ids.next("dl");
    String season = season(programme, in.harvestDate());
    Cooperative coop = references.cooperative(t, farmer.cooperativeId()).orElse(null);
    String point = in.collectionPoint() != null ? in.collectionPoint()
        : coop == null ? "collection point" : coop.name();
    List<String> ids = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    boolean claimInBatch = chain.sharesControlPlane(t);
    for (Part ignored : parts) {
      String id = Ids.next("lt");
      ids.add(id);
      // a tenant on a deployment of its own claims its lot numbers in the control plane first, one by one
      codes.add(claimInBatch ? LotService.lotNumber(t, in.harvestDate())
          : lotService.claimCode(t, id, in.harvestDate()));
    }
    // One batch writes the lot-number claims, the lots, their first events and chain heads, the plot's, coop's and
    // programme's rollups, the delivery and its audit entry: one round trip instead of one per write.
    int claimed = claimInBatch ? 0 : parts.size();
    for (int attempt = 0; ; attempt++) {
      Batch batch = chain.batch(t);
      for (int i = claimed; i < parts.size(); i++) {
        trace.claimLotNumber(batch, codes.get(i), t, ids.get(i));
      }
      int claims = batch.size();
      List<Lot> lots = new ArrayList<>();
      List<Contribution> counted = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        Lot lot = new Lot(ids.get(i), codes.get(i), programmeId, std.commodity(), grades.get(i), std.version(),
            parts.get(i).kg(), parts.get(i).measurements(), true, farmer.id(), farmer.plotId(), farmer.cooperativeId(),
            deliveryId, in.harvestDate(), season, Status.COLLECTED, null, null, null, null, null, now, now, 0);
        chain.store(t).insert(batch, ValueChainStore.LOTS, lot.id(), lot);
        Lot saved = stored(lot);
        lots.add(saved);
        Map<String, Object> e = lotService.objectEvent("ADD", "commissioning", "active", List.of(saved), point,
            farmer.cooperativeId(), null);
        e.put("eventTime", in.harvestDate().atTime(12, 0).atZone(ZoneId.of(t.config().timezone())).toInstant()
            .toString());
        Map<String, Object> ilmd = new LinkedHashMap<>();
        ilmd.put("mu1000:grade", saved.grade());
        ilmd.put("mu1000:gradingStandardVersion", saved.standardVersion());
        ilmd.put("mu1000:harvestDate", in.harvestDate().toString());
        ilmd.put("mu1000:region", coop == null ? null : coop.region());
        e.put("ilmd", ilmd);
        trace.recordFirst(batch, t, e, saved.id());
        LotService.contributionOf(t, saved, std.referencePrice(saved.grade(), saved.harvestDate())
            .orElse(BigDecimal.ZERO)).ifPresent(counted::add);
      }
      Runnable settle = impact.delivered(t, batch, counted, farmer.enrolment());
      Delivery d = new Delivery(deliveryId, farmer.id(), farmer.plotId(), programmeId, farmer.cooperativeId(),
          in.harvestDate(), in.grossKg(), in.collectionPoint(), lots.stream().map(Lot::id).toList(), now,
          c.username(), 0);
      chain.store(t).insert(batch, ValueChainStore.DELIVERIES, deliveryId, d);
      Delivery saved = new Delivery(d.id(), d.farmerId(), d.plotId(), d.programmeId(), d.cooperativeId(),
          d.harvestDate(), d.grossKg(), d.collectionPoint(), d.lotIds(), d.createdAt(), d.createdBy(), 1);
      chain.audit(batch, t, c, "delivery.recorded", "delivery", deliveryId, null, saved);
      try {
        batch.execute();
      } catch (Batch.Failed f) {
        if (f.index() >= claims || !f.duplicateKey() || attempt == 20) {
          throw f;
        }
        // another lot has that number: the claims before it hold, nothing after it was written
        claimed += f.index();
        codes.set(claimed, LotService.lotNumber(t, in.harvestDate()));
        continue;
      }
      settle.run();
      return new Intake(saved, lots, receiptText(saved, lots));
    }
  }

  /**
   * Who delivers: the farmer with their cooperative and programmes, and the plot, known to be theirs; their
   * enrolment as read when it said all that (else null).
   */
  private record Grower(String id, String cooperativeId, List<String> programmeIds, String plotId,
      Rollup enrolment) {}

  /**
   * The farmer and plot of an intake, checked: the farmer's enrolment (kept from the registry's events; one read
   * instead of the farmer's and the plot's) when it confirms all the intake needs, else the registry, which also
   * says what is wrong.
   */
  private Grower grower(Tenant t, Caller c, IntakeInput in) {
    Optional<ImpactService.Enrolment> e = impact.enrolment(t, in.farmerId());
    if (e.isPresent() && e.get().cooperativeId() != null && c.maySeeCoop(e.get().cooperativeId())
        && e.get().plotIds().contains(in.plotId()) && !e.get().programmeIds().isEmpty()) {
      return new Grower(in.farmerId(), e.get().cooperativeId(), e.get().programmeIds(), in.plotId(),
          e.get().stored());
    }
    RegistryRepository repo = chain.registry(t);
    Farmer farmer = repo.farmer(in.farmerId()).filter(f -> c.maySeeCoop(f.cooperativeId()))
        .orElseThrow(() -> DomainException.invalid("farmerId", "no farmer " + in.farmerId() + " you may serve"));
    Plot plot = repo.plot(in.plotId()).filter(p -> p.farmerId().equals(farmer.id()))
        .orElseThrow(() -> DomainException.invalid("plotId", "is not a plot of farmer " + farmer.id()));
    return new Grower(farmer.id(), farmer.cooperativeId(), farmer.programmeIds(), plot.id(), null);
  }

  /**
   * The season a harvest counts for: the programme's (named by the year it starts) when the date falls in it, so a
   * season from October to January stays one season; otherwise the harvest year.
   */
  public static String season(Programme p, LocalDate harvest) {
    if (p != null && p.seasonStart() != null && !harvest.isBefore(p.seasonStart())
        && (p.seasonEnd() == null || !harvest.isAfter(p.seasonEnd()))) {
      return String.valueOf(p.seasonStart().getYear());
    }
    return String.valueOf(harvest.getYear());
  }

  /** A lot as stored by a first insert: at version 1. */
  private static Lot stored(Lot l) {
    return new Lot(l.id(), l.code(), l.programmeId(), l.commodity(), l.grade(), l.standardVersion(), l.kg(),
        l.measurements(), l.harvest(), l.farmerId(), l.plotId(), l.cooperativeId(), l.deliveryId(), l.harvestDate(),
        l.season(), l.status(), l.warehouseId(), l.orderId(), l.orderLineId(), l.shipmentId(), l.parents(),
        l.createdAt(), l.updatedAt(), 1);
  }

  /** The SMS to the farmer: at most 160 characters, no name of anyone else. */
  public String receiptText(Delivery d, List<Lot> lots) {
    StringBuilder s = new StringBuilder("Mu1000 " + d.harvestDate() + ": " + strip(d.grossKg()) + "kg");
    for (Lot l : lots) {
      s.append(" | ").append(l.grade()).append(' ').append(strip(l.kg())).append("kg ").append(l.code());
    }
    String text = s.toString();
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }

  private static String strip(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  // ---- receipts ----

  /** The printable receipt of a delivery (PDF). */
  public byte[] receiptPdf(Tenant t, Caller c, String deliveryId) {
    Delivery d = lotService.delivery(t, c, deliveryId);
    Farmer f = chain.registry(t).farmer(d.farmerId()).orElse(null);
    List<Lot> lots = d.lotIds().stream().map(id -> lotService.lot(t, id)).toList();
    List<String> lines = new ArrayList<>();
    lines.add("Delivery " + d.id());
    lines.add("Date: " + d.harvestDate() + "   Gross: " + strip(d.grossKg()) + " kg");
    if (f != null) {
      lines.add("Farmer: " + f.givenName() + " " + f.familyName());
    }
    lines.add("Cooperative: " + chain.registry(t).cooperative(d.cooperativeId()).map(Cooperative::name).orElse("-"));
    lines.add(" ");
    for (Lot l : lots) {
      lines.add("Lot " + l.code() + ": " + strip(l.kg()) + " kg, grade " + l.grade());
      lotService.contribution(t, l).ifPresent(k -> lines.add("    value "
          + k.local().setScale(0, java.math.RoundingMode.HALF_EVEN)
          .toPlainString() + " " + t.config().currency() + " at reference price"));
    }
    lines.add(" ");
    lines.add("Recorded by " + d.createdBy() + " at "
        + d.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    return ReceiptPdf.render("Mu1000 harvest receipt", lines);
  }
}
