package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.ProgrammeAccess;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Programmes and cooperatives: set up by tenant admins, read by everyone in the tenant (coops within scope). */
@ApplicationScoped
public class OrganisationService {
  private Registry registry;
  private ReferenceCache cache;
  private ProgrammeAccess access;

  protected OrganisationService() {}

  @Inject
  public OrganisationService(Registry registry, ReferenceCache cache, ProgrammeAccess access) {
    this.access = access;
    this.registry = registry;
    this.cache = cache;
  }

  public List<Cooperative> cooperatives(Tenant t, Caller c) {
    return registry.repository(t).cooperatives().stream().filter(x -> c.maySeeCoop(x.id())).toList();
  }

  public Cooperative cooperative(Tenant t, Caller c, String id) {
    return registry.repository(t).cooperative(id).filter(x -> c.maySeeCoop(x.id()))
        .orElseThrow(() -> DomainException.notFound("cooperative", id));
  }

  public Cooperative create(Tenant t, Caller c, Cooperative in) {
    requireAdmin(c);
    Cooperative coop = new Cooperative(chosenId(in.id(), "co"), in.name(), in.registrationNumber(), in.district(), in.region(),
        in.collectionPoints(), in.certifications(), 0);
    coop.validate();
    registry.repository(t).insert(coop);
    Cooperative saved = cooperative(t, c, coop.id());
    registry.audit(t, c.username(), "cooperative.created", "cooperative", saved.id(), null, describe(saved));
    return saved;
  }

  public Cooperative update(Tenant t, Caller c, String id, Cooperative in, long expected) {
    requireAdmin(c);
    Cooperative current = cooperative(t, c, id);
    Cooperative next = new Cooperative(id, in.name(), in.registrationNumber(), in.district(), in.region(),
        in.collectionPoints(), in.certifications(), expected);
    next.validate();
    Cooperative saved = registry.repository(t).replace(next).orElseThrow(() -> Registry.stale("cooperative", id));
    cache.forget(t, "cooperative", id);
    registry.audit(t, c.username(), "cooperative.updated", "cooperative", id, describe(current), describe(saved));
    return saved;
  }

  public void deleteCooperative(Tenant t, Caller c, String id, long expected) {
    requireAdmin(c);
    Cooperative current = cooperative(t, c, id);
    RegistryRepository repo = registry.repository(t);
    if (repo.farmers(new RegistryRepository.FarmerFilter(id, null, null, null, null), "familyName", true, 0, 1)
        .total() > 0) {
      throw new DomainException(DomainException.Kind.CONFLICT, "cooperative " + id + " still has farmers");
    }
    if (!repo.deleteCooperative(id, expected)) {
      throw Registry.stale("cooperative", id);
    }
    cache.forget(t, "cooperative", id);
    registry.audit(t, c.username(), "cooperative.deleted", "cooperative", id, describe(current), null);
  }

  /** The tenant's programmes; a donor's, those their funder funds. */
  public List<Programme> programmes(Tenant t, Caller c) {
    requireReadProgrammes(c);
    List<Programme> all = registry.repository(t).programmes();
    return access.visible(t, c).map(v -> all.stream().filter(p -> v.contains(p.id())).toList()).orElse(all);
  }

  public Programme programme(Tenant t, Caller c, String id) {
    requireReadProgrammes(c);
    if (access.visible(t, c).map(v -> !v.contains(id)).orElse(false)) {
      throw DomainException.notFound("programme", id);
    }
    return registry.repository(t).programme(id).orElseThrow(() -> DomainException.notFound("programme", id));
  }

  public Programme create(Tenant t, Caller c, Programme in) {
    requireAdmin(c);
    Programme p = new Programme(chosenId(in.id(), "pr"), in.name(), in.commodity(), in.seasonStart(), in.seasonEnd(),
        in.targetUsdPerMu(), in.baselineUsdPerMu(), in.cooperativeFeePercent(), in.loans(), 0);
    p.validate();
    registry.repository(t).insert(p);
    Programme saved = programme(t, c, p.id());
    registry.audit(t, c.username(), "programme.created", "programme", saved.id(), null, describe(saved));
    return saved;
  }

  public Programme update(Tenant t, Caller c, String id, Programme in, long expected) {
    requireAdmin(c);
    Programme current = programme(t, c, id);
    Programme next = new Programme(id, in.name(), in.commodity(), in.seasonStart(), in.seasonEnd(),
        in.targetUsdPerMu(), in.baselineUsdPerMu(), in.cooperativeFeePercent(), in.loans(), expected);
    next.validate();
    Programme saved = registry.repository(t).replace(next).orElseThrow(() -> Registry.stale("programme", id));
    cache.forget(t, "programme", id);
    registry.audit(t, c.username(), "programme.updated", "programme", id, describe(current), describe(saved));
    return saved;
  }

  public void deleteProgramme(Tenant t, Caller c, String id, long expected) {
    requireAdmin(c);
    Programme current = programme(t, c, id);
    if (!registry.repository(t).deleteProgramme(id, expected)) {
      throw Registry.stale("programme", id);
    }
    cache.forget(t, "programme", id);
    registry.audit(t, c.username(), "programme.deleted", "programme", id, describe(current), null);
  }

  /** Templates give their demo organisations readable ids (users' coop scopes name them); the API never does. */
  private static String chosenId(String wanted, String prefix) {
    return wanted != null && wanted.matches("[a-z][a-z0-9-]{2,40}") ? wanted : Ids.next(prefix);
  }

  private static void requireAdmin(Caller c) {
    if (!c.mayManageCooperatives()) {
      throw DomainException.forbidden("only tenant admins set up programmes and cooperatives");
    }
  }

  /** What the audit trail keeps of a cooperative or programme: every field, as plain values. */
  private static Map<String, Object> describe(Cooperative c) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", c.name());
    m.put("registrationNumber", c.registrationNumber());
    m.put("district", c.district());
    m.put("region", c.region());
    m.put("collectionPoints", c.collectionPoints().stream().map(p -> p.name() + " (" + p.latitude() + ", "
        + p.longitude() + ")").toList());
    m.put("version", c.version());
    return m;
  }

  private static Map<String, Object> describe(Programme p) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", p.name());
    m.put("commodity", p.commodity());
    m.put("seasonStart", p.seasonStart() == null ? null : p.seasonStart().toString());
    m.put("seasonEnd", p.seasonEnd() == null ? null : p.seasonEnd().toString());
    m.put("targetUsdPerMu", p.targetUsdPerMu().toPlainString());
    m.put("baselineUsdPerMu", p.baselineUsdPerMu() == null ? null : p.baselineUsdPerMu().toPlainString());
    m.put("cooperativeFeePercent", p.cooperativeFeePercent().toPlainString());
    if (p.loans() != null) {
      m.put("loans", p.loans().sharePercent().toPlainString() + "% of quota value, " + p.loans().annualRatePercent()
          .toPlainString() + "% a year " + p.loans().interest() + ", up to " + p.loans().maxTerm() + " months");
    }
    m.put("version", p.version());
    return m;
  }

  private static void requireReadProgrammes(Caller c) {
    if (!c.mayReadProgrammes()) {
      throw DomainException.forbidden("your role may not read programmes");
    }
  }
}
