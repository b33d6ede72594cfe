package org.mu1000.platform.valuechain.interfaces.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.mu1000.api.model.ChainVerification;
import org.mu1000.api.model.ChainVerificationLotsInner;
import org.mu1000.api.model.PublicTrace;
import org.mu1000.api.model.PublicTraceOriginsInner;
import org.mu1000.api.model.PublicTraceStepsInner;
import org.mu1000.platform.traceability.application.TraceService;
import org.mu1000.platform.valuechain.application.PublicTraceService;

/** What the trace endpoints answer, as the contract's models. */
final class TraceMapper {
  private TraceMapper() {}

  /** Every lot of a lineage verified; the whole is intact only if each chain is. */
  static ChainVerification verification(List<TraceService.Verification> lots) {
    return new ChainVerification().intact(lots.stream().allMatch(TraceService.Verification::intact))
        .lots(lots.stream().map(v -> new ChainVerificationLotsInner().lotId(v.lotId()).events(v.events())
            .intact(v.intact()).brokenAt(v.brokenAt()).brokenEventId(v.brokenEventId()).reason(v.reason()))
            .toList());
  }

  static PublicTrace publicTrace(PublicTraceService.PublicTrace p) {
    return new PublicTrace().lot(p.lot()).gtin(p.gtin()).digitalLink(p.digitalLink()).commodity(p.commodity())
        .grade(p.grade()).kg(p.kg()).harvestFrom(p.harvestFrom()).harvestTo(p.harvestTo())
        .origins(p.origins().stream().map(o -> new PublicTraceOriginsInner().cooperative(o.cooperative())
            .region(o.region()).district(o.district())).toList())
        .certifications(p.certifications())
        .steps(p.steps().stream().map(s -> new PublicTraceStepsInner()
            .date(s.date() == null ? null : OffsetDateTime.parse(s.date())).step(s.step()).place(s.place())).toList())
        .chainIntact(p.chainIntact())
        .paidToFarmers(p.paidToFarmers() == null ? null : new org.mu1000.api.model.PublicTracePaidToFarmers()
            .perKg(p.paidToFarmers().perKg()).currency(p.paidToFarmers().currency())
            .usdPerKg(p.paidToFarmers().usdPerKg()));
  }
}
