package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.RegistryRepository.FarmerFilter;
import org.mu1000.platform.registry.domain.RegistryRepository.Page;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Registering farmers: the same rules for the API, the UI and imports; every write audited and announced. */
@ApplicationScoped
public class FarmerService {
  public static final Set<String> SORT_FIELDS = Set.of("familyName", "givenName", "createdAt", "birthYear",
      "householdSize");

  private Registry registry;

  protected FarmerService() {}

  @Inject
  public FarmerService(Registry registry) {
    this.registry = registry;
  }

  public Page<Farmer> list(Tenant t, Caller c, String coopId, String programmeId, Sex sex, String namePrefix,
      String sort, int page, int size) {
    requireRead(c);
    if (coopId != null && !c.maySeeCoop(coopId)) {
      return new Page<>(List.of(), 0);
    }
    String field = "familyName";
    boolean asc = true;
    if (sort != null && !sort.isBlank()) {
      String[] parts = sort.split(",");
      if (!SORT_FIELDS.contains(parts[0])) {
        throw DomainException.invalid("sort", "must be one of " + SORT_FIELDS);
      }
      field = parts[0];
      asc = parts.length < 2 || !parts[1].equalsIgnoreCase("desc");
    }
    Set<String> scope = c.isCoopScoped() ? c.coops() : null;
    return registry.repository(t).farmers(new FarmerFilter(coopId, scope, programmeId, sex, namePrefix), field, asc,
        page, size);
  }

  public Farmer get(Tenant t, Caller c, String id) {
    requireRead(c);
    Farmer f = registry.repository(t).farmer(id).orElseThrow(() -> DomainException.notFound("farmer", id));
    if (!c.maySeeCoop(f.cooperativeId())) {
      throw DomainException.notFound("farmer", id);
    }
    return f;
  }

  public Farmer create(Tenant t, Caller c, FarmerInput input) {
    FarmerInput in = withCurrency(t, input);
    requireWrite(c, in.cooperativeId());
    RegistryRepository repo = registry.repository(t);
    Instant now = Instant.now();
    Farmer f = build(t, direct(repo), Ids.next("fa"), in, null, now, now, 0);
    if (in.externalId() != null && !in.externalId().isBlank()) {
      String holder = repo.claimExternalId(in.cooperativeId(), in.externalId(), f.id());
      if (!holder.equals(f.id()) && repo.farmer(holder).isPresent()) {
        throw DomainException.invalid("externalId", "is already used by farmer " + holder + " in this cooperative");
      }
      if (!holder.equals(f.id())) {
        // the holder was deleted: take the key over
        f = build(t, direct(repo), holder, in, null, now, now, 0);
      }
    }
    if (!repo.insert(f)) {
      throw new DomainException(DomainException.Kind.CONFLICT, "farmer " + f.id() + " exists already");
    }
    Farmer saved = repo.farmer(f.id()).orElseThrow();
    registry.audit(t, c.username(), "farmer.created", "farmer", saved.id(), null, saved);
    registry.publish(t, "farmer.created", saved.id(), Registry.view(saved));
    return saved;
  }

  public Farmer update(Tenant t, Caller c, String id, FarmerInput input, long expectedVersion) {
    FarmerInput in = withCurrency(t, input);
    Farmer current = get(t, c, id);
    requireWrite(c, current.cooperativeId());
    requireWrite(c, in.cooperativeId());
    RegistryRepository repo = registry.repository(t);
    if (current.version() != expectedVersion) {
      throw Registry.stale("farmer", id);
    }
    String ext = in.externalId();
    if (ext != null && !ext.isBlank() && !(ext.equals(current.externalId())
        && in.cooperativeId().equals(current.cooperativeId()))) {
      String holder = repo.claimExternalId(in.cooperativeId(), ext, id);
      if (!holder.equals(id) && repo.farmer(holder).isPresent()) {
        throw DomainException.invalid("externalId", "is already used by farmer " + holder + " in this cooperative");
      }
    }
    Farmer next = build(t, direct(repo), id, in, current, current.createdAt(), Instant.now(), expectedVersion);
    Farmer saved = repo.replace(next).orElseThrow(() -> Registry.stale("farmer", id));
    registry.audit(t, c.username(), "farmer.updated", "farmer", id, current, saved);
    registry.publish(t, "farmer.updated", id, Registry.view(saved));
    return saved;
  }

  public void delete(Tenant t, Caller c, String id, long expectedVersion) {
    Farmer current = get(t, c, id);
    if (!c.mayDeleteFromRegistry()) {
      throw DomainException.forbidden("field agents cannot delete farmers");
    }
    requireWrite(c, current.cooperativeId());
    if (!registry.repository(t).deleteFarmer(id, expectedVersion)) {
      throw Registry.stale("farmer", id);
    }
    registry.audit(t, c.username(), "farmer.deleted", "farmer", id, current, null);
    registry.publish(t, "farmer.deleted", id, Registry.view(current));
  }

  /** What a farmer's input refers to: cooperatives and programmes of the tenant. */
  public interface References {
    boolean cooperative(String id);

    boolean programme(String id);
  }

  /** The tenant's references as the store has them, read each time. */
  private static References direct(RegistryRepository repo) {
    return new References() {
      @Override
      public boolean cooperative(String id) {
        return repo.cooperative(id).isPresent();
      }

      @Override
      public boolean programme(String id) {
        return repo.programme(id).isPresent();
      }
    };
  }

  /** The tenant's references, each read once: for one job that checks thousands of rows against the same few. */
  public References references(Tenant t) {
    RegistryRepository repo = registry.repository(t);
    Map<String, Boolean> coops = new HashMap<>();
    Map<String, Boolean> programmes = new HashMap<>();
    return new References() {
      @Override
      public boolean cooperative(String id) {
        return coops.computeIfAbsent(id, x -> repo.cooperative(x).isPresent());
      }

      @Override
      public boolean programme(String id) {
        return programmes.computeIfAbsent(id, x -> repo.programme(x).isPresent());
      }
    };
  }

  /** The dry-run check of one input: every rule of {@link #create}, nothing written. */
  public void check(Tenant t, FarmerInput in, References refs) {
    build(t, refs, "check", withCurrency(t, in), null, Instant.now(), Instant.now(), 0);
  }

  /** A new farmer as {@link #create} would store it (every rule checked), for writing in bulk. */
  public Farmer fresh(Tenant t, Caller c, String id, FarmerInput input, References refs, Instant now) {
    FarmerInput in = withCurrency(t, input);
    requireWrite(c, in.cooperativeId());
    return build(t, refs, id, in, null, now, now, 1);
  }

  /** Whether writing {@code in} over {@code current} would change anything a person would see. */
  public boolean changes(Tenant t, Farmer current, FarmerInput in) {
    Farmer next = build(t, direct(registry.repository(t)), current.id(), withCurrency(t, in), current,
        current.createdAt(), current.updatedAt(), current.version());
    return !Registry.view(next).equals(Registry.view(current)) || !java.util.Objects.equals(next.nationalIdHash(),
        current.nationalIdHash());
  }

  /** Imports give amounts without currency: they are in the tenant's. */
  private static FarmerInput withCurrency(Tenant t, FarmerInput in) {
    if (in.baselineAnnualIncome() == null || in.baselineAnnualIncome().currency() != null) {
      return in;
    }
    return new FarmerInput(in.externalId(), in.givenName(), in.familyName(), in.sex(), in.birthYear(),
        in.householdSize(), in.msisdn(), in.nationalId(), in.cooperativeId(), in.programmeIds(),
        new org.mu1000.platform.kernel.Money(in.baselineAnnualIncome().amount(), t.config().currency()),
        in.consentGiven(), in.consentDate());
  }

  /** Checks input against the tenant and its registry, and turns it into a farmer. */
  Farmer build(Tenant t, References refs, String id, FarmerInput in, Farmer current, Instant created,
      Instant updated, long version) {
    Violations v = new Violations();
    v.require(in.cooperativeId() == null || refs.cooperative(in.cooperativeId()), "cooperativeId",
        "no cooperative " + in.cooperativeId() + " in this tenant");
    List<String> programmes = in.programmeIds() == null ? List.of() : in.programmeIds();
    for (int i = 0; i < programmes.size(); i++) {
      v.require(refs.programme(programmes.get(i)), "programmeIds[" + i + "]",
          "no programme " + programmes.get(i) + " in this tenant");
    }
    v.require(in.nationalId() == null || in.nationalId().replaceAll("[\\s-]", "").length() >= 4, "nationalId",
        "needs at least 4 characters");
    v.throwIfAny();
    String hash = current == null ? null : current.nationalIdHash();
    String last4 = current == null ? null : current.nationalIdLast4();
    if (in.nationalId() != null && !in.nationalId().isBlank()) {
      hash = registry.hasher(t).hash(in.nationalId());
      last4 = org.mu1000.platform.registry.domain.NationalIdHasher.last4(in.nationalId());
    }
    Farmer f = new Farmer(id, blankToNull(in.externalId()), trim(in.givenName()), trim(in.familyName()), in.sex(),
        in.birthYear(), in.householdSize(), blankToNull(in.msisdn()), hash, last4, in.cooperativeId(), programmes,
        in.baselineAnnualIncome(), in.consentGiven(), in.consentDate(), created, updated, version);
    f.validate(t.config().currency(), LocalDate.now(ZoneId.of(t.config().timezone())));
    return f;
  }

  static void requireRead(Caller c) {
    if (!c.mayReadRegistry()) {
      throw DomainException.forbidden("your role may not read the registry");
    }
  }

  static void requireWrite(Caller c, String coopId) {
    if (!c.mayWriteRegistry()) {
      throw DomainException.forbidden("your role may not change the registry");
    }
    if (coopId != null && !c.maySeeCoop(coopId)) {
      throw DomainException.forbidden("you may only register farmers of your own cooperative(s)");
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.trim();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
