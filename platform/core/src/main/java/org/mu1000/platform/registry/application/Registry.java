package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.NationalIdHasher;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryEvent;
import org.mu1000.platform.registry.domain.RegistryRepository;
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
  private AuditTrail audit;
  private Event<RegistryEvent> events;
  private String pepper;

  protected Registry() {}

  @Inject
  public Registry(RegistryRepository.Stores stores, AuditTrail audit, Event<RegistryEvent> events,
      @ConfigProperty(name = "mu1000.national-id.pepper") java.util.Optional<String> pepper) {
    this.stores = stores;
    this.audit = audit;
    this.events = events;
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
