package org.mu1000.platform.impact.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.impact.domain.Funding;
import org.mu1000.platform.impact.domain.ReportingOrg;
import org.mu1000.platform.impact.domain.ReportingStore;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.ProgrammeAccess;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Who funds which programme (set by the agency's administrators), which decides what a donor sees: a donor user
 * reads the figures of the programmes their funder funds, and nothing of the others. Also the tenant's reporting
 * organisation, which publishes the programmes to IATI.
 */
@ApplicationScoped
public class FundingService implements ProgrammeAccess {
  private ReportingStore.Stores stores;
  private Registry registry;
  private AuditTrail audit;

  protected FundingService() {}

  @Inject
  public FundingService(ReportingStore.Stores stores, Registry registry, AuditTrail audit) {
    this.stores = stores;
    this.registry = registry;
    this.audit = audit;
  }

  public Funding fund(Tenant t, Caller c, Funding in) {
    requireAdmin(c);
    Funding f = new Funding(Ids.next("fu"), in.programmeId(), trim(in.funderName()), trim(in.funderRef()),
        in.funderType(), in.amount(), in.currency(), in.start(), in.end(), in.donors(), 0);
    f.validate();
    if (registry.repository(t).programme(f.programmeId()).isEmpty()) {
      throw DomainException.invalid("programmeId", "is not a programme of this tenant");
    }
    ReportingStore store = stores.of(t);
    store.insert(ReportingStore.FUNDING, f.id(), f);
    audit.record(t, c.username(), "funding.set", "funding", f.id(), null, f);
    return store.get(ReportingStore.FUNDING, f.id(), Funding.class, "funding");
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private static void requireAdmin(Caller c) {
    if (!c.mayAdministerTenant()) {
      throw DomainException.forbidden("funding and the IATI publisher are set by the tenant's administrators");
    }
  }

  /** The funding of a programme (or all); a donor sees only their funder's. */
  public List<Funding> funding(Tenant t, Caller c, String programmeId) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("funding is read by the programme's staff and donors");
    }
    List<Funding> all = stores.of(t).list(ReportingStore.FUNDING, programmeId == null ? null
        : Where.eq("programmeId", programmeId), Where.Order.ID, 0, 0, Funding.class);
    return donorOnly(c) ? all.stream().filter(f -> f.donors().contains(c.username())).toList() : all;
  }

  /** Every funding of a programme, for its reports. */
  List<Funding> of(Tenant t, String programmeId) {
    return stores.of(t).list(ReportingStore.FUNDING, Where.eq("programmeId", programmeId), Where.Order.ID, 0, 0,
        Funding.class);
  }

  /** A caller who reads figures only: a donor, bound to the programmes their funder funds. */
  public static boolean donorOnly(Caller c) {
    return c.has(Caller.DONOR) && !c.mayReadRegistry() && !c.mayReadOrders() && !c.isPlatformAdmin();
  }

  /** The programmes a donor's funder funds. */
  public Set<String> funded(Tenant t, Caller c) {
    Set<String> out = new TreeSet<>();
    stores.of(t).list(ReportingStore.FUNDING, Where.eq("donors", c.username()), null, 0, 0, Funding.class)
        .forEach(f -> out.add(f.programmeId()));
    return out;
  }

  @Override
  public Optional<Set<String>> visible(Tenant t, Caller c) {
    return donorOnly(c) ? Optional.of(funded(t, c)) : Optional.empty();
  }

  /** Refuses a donor a programme their funder does not fund (as if it were not there). */
  public void requireFunded(Tenant t, Caller c, String programmeId) {
    if (donorOnly(c) && (programmeId == null || !funded(t, c).contains(programmeId))) {
      throw DomainException.notFound("programme", String.valueOf(programmeId));
    }
  }

  public ReportingOrg setPublisher(Tenant t, Caller c, ReportingOrg in) {
    requireAdmin(c);
    ReportingOrg r = new ReportingOrg(ReportingStore.PUBLISHER_ID, trim(in.ref()), trim(in.name()), in.type(), 0);
    r.validate();
    ReportingStore store = stores.of(t);
    Optional<ReportingOrg> old = store.find(ReportingStore.SETTINGS, r.id(), ReportingOrg.class);
    if (!store.put(ReportingStore.SETTINGS, r.id(), r, ReportingOrg.class, ReportingOrg::version)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "the publisher changed meanwhile; set it again");
    }
    audit.record(t, c.username(), "iati-publisher.set", "reporting-org", r.id(), old.orElse(null), r);
    return store.get(ReportingStore.SETTINGS, r.id(), ReportingOrg.class, "IATI publisher");
  }

  public Optional<ReportingOrg> publisher(Tenant t) {
    return stores.of(t).find(ReportingStore.SETTINGS, ReportingStore.PUBLISHER_ID, ReportingOrg.class);
  }
}
