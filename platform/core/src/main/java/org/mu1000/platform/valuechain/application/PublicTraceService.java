package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.tenancy.domain.TenantStatus;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.domain.Lot;

/**
 * What a consumer's phone sees from the QR code on a bag: origin, dates, grade, steps, and once the farmers were paid,
 * what they were paid per kg; never a person.
 */
@ApplicationScoped
public class PublicTraceService {
  private ValueChain chain;
  private TraceService trace;
  private LotService lotService;
  private Instance<FarmerPay> pay;

  protected PublicTraceService() {}

  @Inject
  public PublicTraceService(ValueChain chain, TraceService trace, LotService lotService, Instance<FarmerPay> pay) {
    this.chain = chain;
    this.trace = trace;
    this.lotService = lotService;
    this.pay = pay;
  }

  /** A lot found from its Digital Link, with its tenant. */
  public record Located(Tenant tenant, Lot lot) {}

  /**
   * The lot behind a public Digital Link: its number is unique platform-wide, its tenant must be active and the GTIN
   * must be its commodity's. Anything else is "not found" (no sign-in, so nothing to tell apart).
   */
  public Located byDigitalLink(String gtin, String lotNumber, TenantRepository tenants) {
    // an unknown lot, a lot of a closed tenant and a lot under another GTIN all answer alike
    Supplier<DomainException> none = () -> DomainException.notFound("lot", gtin + "/" + lotNumber);
    var at = trace.locate(lotNumber).orElseThrow(none);
    Tenant t = tenants.find(at.tenant()).filter(x -> x.status() == TenantStatus.ACTIVE).orElseThrow(none);
    Lot lot = lotService.lot(t, at.lotId());
    if (!LotService.gtin(lot.commodity()).equals(gtin)) {
      throw none.get();
    }
    return new Located(t, lot);
  }

  public record Step(String date, String step, String place) {}

  public record Origin(String cooperative, String region, String district) {}

  public record PublicTrace(String lot, String gtin, String digitalLink, String commodity, String grade,
      BigDecimal kg, LocalDate harvestFrom, LocalDate harvestTo, List<Origin> origins, List<String> certifications,
      List<Step> steps, boolean chainIntact, FarmerPay.Paid paidToFarmers) {}

  /** What anyone with the QR code may see: origin region and cooperative, dates, grade, steps. No personal data. */
  public PublicTrace publicTrace(Tenant t, Lot lot) {
    List<Lot> lineage = lotService.lineage(t, lot);
    List<Lot> harvests = lineage.stream().filter(Lot::harvest).toList();
    Map<String, Origin> origins = new LinkedHashMap<>();
    for (Lot h : harvests) {
      chain.registry(t).cooperative(h.cooperativeId()).ifPresent(c -> origins.putIfAbsent(c.id(),
          new Origin(c.name(), c.region(), c.district())));
    }
    Map<String, Step> steps = new TreeMap<>();
    boolean intact = true;
    for (Lot l : lineage) {
      intact &= trace.verify(t, l.id()).intact();
      for (TraceService.Stored s : trace.events(t, l.id())) {
        Map<String, Object> e = s.event();
        String when = String.valueOf(e.get("eventTime"));
        steps.putIfAbsent(when + s.eventId(), new Step(when, String.valueOf(e.get("bizStep")),
            e.get("mu1000:place") == null ? null : String.valueOf(e.get("mu1000:place"))));
      }
    }
    LocalDate from = harvests.stream().map(Lot::harvestDate).min(LocalDate::compareTo).orElse(lot.harvestDate());
    LocalDate to = harvests.stream().map(Lot::harvestDate).max(LocalDate::compareTo).orElse(lot.harvestDate());
    // certifications the cooperatives of origin hold (all of them, if the lot blends several origins)
    java.util.Set<String> certs = new java.util.LinkedHashSet<>();
    harvests.stream().map(Lot::cooperativeId).distinct().forEach(id -> chain.registry(t).cooperative(id)
        .ifPresent(c -> certs.addAll(c.certifications())));
    List<String> certifications = List.copyOf(certs);
    return new PublicTrace(lot.code(), LotService.gtin(lot.commodity()), lotService.digitalLink(lot), lot.commodity(),
        lot.grade(), lot.kg(),
        from, to, List.copyOf(origins.values()), certifications, List.copyOf(steps.values()), intact,
        pay.isResolvable() ? pay.get().paidFor(t, harvests).orElse(null) : null);
  }
}
