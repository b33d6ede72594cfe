package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.impact.domain.JobsDeclaration;
import org.mu1000.platform.impact.domain.JobsDeclaration.Jobs;
import org.mu1000.platform.impact.domain.ReportingStore;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Jobs the programmes create beyond the farm: each cooperative declares, per period, the women and men it employs in
 * processing, warehouses and logistics; a programme's figure is the sum of each cooperative's latest declaration.
 */
@ApplicationScoped
public class JobsService {
  private ReportingStore.Stores stores;
  private Registry registry;
  private AuditTrail audit;
  private FundingService funding;

  protected JobsService() {}

  @Inject
  public JobsService(ReportingStore.Stores stores, Registry registry, AuditTrail audit, FundingService funding) {
    this.funding = funding;
    this.stores = stores;
    this.registry = registry;
    this.audit = audit;
  }

  /** Declares (or declares again, replacing) a cooperative's jobs of one period. */
  public JobsDeclaration declare(Tenant t, Caller c, JobsDeclaration in) {
    if (!c.mayAdministerTenant() && !c.has(Caller.COOP_MANAGER)) {
      throw DomainException.forbidden("jobs are declared by cooperative managers and administrators");
    }
    in.validate();
    if (registry.repository(t).programme(in.programmeId()).isEmpty()) {
      throw DomainException.invalid("programmeId", "is not a programme of this tenant");
    }
    if (registry.repository(t).cooperative(in.cooperativeId()).isEmpty() || !c.maySeeCoop(in.cooperativeId())) {
      throw DomainException.invalid("cooperativeId", "is not a cooperative you manage");
    }
    String id = JobsDeclaration.id(in.programmeId(), in.cooperativeId(), in.period());
    ReportingStore store = stores.of(t);
    var old = store.find(ReportingStore.JOBS, id, JobsDeclaration.class);
    JobsDeclaration d = new JobsDeclaration(id, in.programmeId(), in.cooperativeId(), in.period(), in.processing(),
        in.warehouses(), in.logistics(), c.username(), Instant.now(), 0);
    if (!store.put(ReportingStore.JOBS, id, d, JobsDeclaration.class, JobsDeclaration::version)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "the declaration changed meanwhile; declare again");
    }
    audit.record(t, c.username(), "jobs.declared", "jobs", id, old.orElse(null), d);
    return store.get(ReportingStore.JOBS, id, JobsDeclaration.class, "jobs declaration");
  }

  /** Declarations of a programme (and cooperative), newest period first. */
  public List<JobsDeclaration> declarations(Tenant t, Caller c, String programmeId, String cooperativeId) {
    requireRead(c);
    funding.requireFunded(t, c, programmeId);
    List<Where> w = new ArrayList<>();
    if (programmeId != null) {
      w.add(Where.eq("programmeId", programmeId));
    }
    if (cooperativeId != null) {
      w.add(Where.eq("cooperativeId", cooperativeId));
    }
    return stores.of(t).list(ReportingStore.JOBS, Where.all(w), Where.Order.byDescending("period"), 0, 0,
        JobsDeclaration.class);
  }

  private static void requireRead(Caller c) {
    if (!c.mayReadProgrammes()) {
      throw DomainException.forbidden("jobs are read by the programme's staff and donors");
    }
  }

  /** A programme's jobs: by sector, with women's share, and the sum by period. */
  public record Summary(String programmeId, int jobs, int women, BigDecimal womenShare, Map<String, Jobs> bySector,
      int cooperatives, Map<String, Jobs> byPeriod) {}

  public Summary summary(Tenant t, Caller c, String programmeId) {
    requireRead(c);
    if (programmeId == null || registry.repository(t).programme(programmeId).isEmpty()) {
      throw DomainException.invalid("programmeId", "is not a programme of this tenant");
    }
    List<JobsDeclaration> all = declarations(t, c, programmeId, null);
    Map<String, JobsDeclaration> latest = new LinkedHashMap<>();
    Map<String, Jobs> byPeriod = new TreeMap<>();
    for (JobsDeclaration d : all) {
      latest.putIfAbsent(d.cooperativeId(), d); // newest period first
      byPeriod.merge(d.period(), d.total(), Jobs::plus);
    }
    Jobs processing = Jobs.NONE;
    Jobs warehouses = Jobs.NONE;
    Jobs logistics = Jobs.NONE;
    for (JobsDeclaration d : latest.values()) {
      processing = processing.plus(d.processing());
      warehouses = warehouses.plus(d.warehouses());
      logistics = logistics.plus(d.logistics());
    }
    Jobs total = processing.plus(warehouses).plus(logistics);
    Map<String, Jobs> sectors = new LinkedHashMap<>();
    sectors.put("processing", processing);
    sectors.put("warehouses", warehouses);
    sectors.put("logistics", logistics);
    return new Summary(programmeId, total.total(), total.women(), total.total() == 0 ? null
        : BigDecimal.valueOf(total.women()).divide(BigDecimal.valueOf(total.total()), 4, RoundingMode.HALF_EVEN),
        sectors, latest.size(), byPeriod);
  }
}
