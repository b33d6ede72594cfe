package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.NationalIdHasher;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Deployments;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Ids;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * What every registry service shares: the repository of a tenant, the audit trail, the events, version checks.
 * Services take the tenant explicitly so the import job (off the request thread) uses the same code.
 */
@ApplicationScoped
public class Registry {
  private RegistryRepository.Stores stores;
  private Deployments deployments;
  private AuditTrail audit;
  private Event<RegistryEvent> events;
  private Event<NewFarmers> newFarmers;
  private String pepper;

  protected Registry() {}

  @Inject
  public Registry(RegistryRepository.Stores stores, Deployments deployments, AuditTrail audit,
      Event<RegistryEvent> events, Event<NewFarmers> newFarmers,
      @ConfigProperty(name = "mu1000.national-id.pepper") java.util.Optional<String> pepper) {
    this.stores = stores;
    this.deployments = deployments;
    this.audit = audit;
    this.events = events;
    this.newFarmers = newFarmers;
    this.pepper = pepper.orElse(null);
  }

  public RegistryRepository repository(Tenant tenant) {
    return stores.of(tenant);
  }

  /** Refuses rather than hash with a guessable pepper: there is no default outside the demo launcher. */
  public NationalIdHasher hasher(Tenant tenant) {
    if (pepper == null || pepper.length() < 16) {
      throw new DomainException(Kind.UNAVAILABLE,
          "national ids cannot be stored: set MU1000_NATIONAL_ID_PEPPER (16+ characters) on the server");
    }
    return new NationalIdHasher(pepper, tenant.id());
  }

  public void audit(Tenant tenant, String actor, String action, String type, String id, Object before, Object after) {
    audit.record(tenant, actor, action, type, id, auditable(before), auditable(after));
  }

  public void publish(Tenant tenant, String type, String entityId, Map<String, Object> data) {
    events.fire(new RegistryEvent(Ids.next("ev"), tenant.id(), type, entityId, Instant.now(), data));
  }

  /**
   * Writes new farmers and their plots in one batch of the tenant's deployment: the claims of their external ids
   * first (but for farmers in {@code claimed}, whose claims an earlier attempt wrote: the batch is then resumed), then the farmers, plots and their audit entries, then what the observers of {@link NewFarmers} add, and
   * last what {@code last} adds (where the caller got). Every write is made once: the same batch written again (the
   * same {@code key}, ids and entries), after an interruption left part of it, completes it and changes nothing
   * else. Throws {@link Batch.Failed} for the first write refused: one within the first {@code farmers + plots}
   * writes is an external id another farmer took meanwhile, and nothing but claims was written.
   */
  public void insertAll(Tenant t, String key, String actor, List<Farmer> farmers, Set<String> claimed,
      List<Plot> plots, Consumer<Batch> last) {
    RegistryRepository repo = repository(t);
    Batch batch = deployments.batch(t);
    if (!claimed.isEmpty()) {
      batch.resumed(); // claims go first: if none was written, nothing of the batch was
    }
    farmers.stream().filter(f -> !claimed.contains(f.id())).forEach(f -> repo.claim(batch, f));
    plots.forEach(p -> repo.claim(batch, p));
    farmers.forEach(f -> repo.insert(batch, f));
    plots.forEach(p -> repo.insert(batch, p));
    Map<String, List<Plot>> plotsOf = new HashMap<>();
    plots.forEach(p -> plotsOf.computeIfAbsent(p.farmerId(), x -> new ArrayList<>()).add(p));
    Instant now = Instant.now();
    List<RegistryEvent> announced = new ArrayList<>();
    for (Farmer f : farmers) {
      Map<String, Object> farmer = view(f);
      audit.record(batch, t, Ids.derived("au", f.id(), "farmer.created"), actor, "farmer.created", "farmer", f.id(),
          null, farmer);
      announced.add(new RegistryEvent(Ids.derived("ev", f.id(), "farmer.created"), t.id(), "farmer.created", f.id(),
          now, farmer));
      for (Plot p : plotsOf.getOrDefault(f.id(), List.of())) {
        Map<String, Object> plot = view(p);
        audit.record(batch, t, Ids.derived("au", p.id(), "plot.created"), actor, "plot.created", "plot", p.id(), null,
            plot);
        announced.add(new RegistryEvent(Ids.derived("ev", p.id(), "plot.created"), t.id(), "plot.created", p.id(),
            now, plot));
      }
    }
    List<Runnable> afterwards = new ArrayList<>();
    newFarmers.fire(new NewFarmers(t, key, batch, farmers, plots, announced, afterwards));
    last.accept(batch);
    batch.execute();
    afterwards.forEach(Runnable::run);
  }

  public static DomainException stale(String what, String id) {
    return new DomainException(Kind.STALE, what + " " + id + " was changed by someone else; read it again");
  }

  /** A farmer as others may see it: no national-id hash. Used for audit entries and webhook payloads. */
  public static Map<String, Object> view(Farmer f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", f.id());
    m.put("externalId", f.externalId());
    m.put("givenName", f.givenName());
    m.put("familyName", f.familyName());
    m.put("sex", f.sex().code());
    m.put("birthYear", f.birthYear());
    m.put("householdSize", f.householdSize());
    m.put("msisdn", f.msisdn());
    m.put("nationalIdLast4", f.nationalIdLast4());
    m.put("cooperativeId", f.cooperativeId());
    m.put("programmeIds", f.programmeIds());
    if (f.baselineAnnualIncome() != null) {
      m.put("baselineAnnualIncome", Map.of("amount", f.baselineAnnualIncome().amount().toPlainString(),
          "currency", f.baselineAnnualIncome().currency()));
    }
    m.put("consentGiven", f.consentGiven());
    m.put("consentDate", f.consentDate() == null ? null : f.consentDate().toString());
    m.put("version", f.version());
    return m;
  }

  public static Map<String, Object> view(Plot p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("farmerId", p.farmerId());
    m.put("externalId", p.externalId());
    m.put("crop", p.crop());
    m.put("plantingYear", p.plantingYear());
    m.put("geometry", p.geometry());
    m.put("areaM2", p.areaM2() == null ? null : p.areaM2().toPlainString());
    m.put("version", p.version());
    return m;
  }

  /** What the trail keeps of a record: a farmer or plot as others may see it, a map as it is. */
  private static Object auditable(Object o) {
    if (o == null || o instanceof Map<?, ?>) {
      return o;
    }
    if (o instanceof Farmer f) {
      return view(f);
    }
    if (o instanceof Plot p) {
      return view(p);
    }
    return Map.of("value", String.valueOf(o));
  }
}
