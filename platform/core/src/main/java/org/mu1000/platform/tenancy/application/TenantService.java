package org.mu1000.platform.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mu1000.platform.audit.domain.AuditTrail;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/** What an aid agency does with country projects. Every change is audited in the control plane. */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TenantRepository tenants;
  private TenantStorage storage;
  private AuditTrail audit;
  private TenantIdentity identity;
  private Instance<TenantTemplates> templates;
  private Instance<DemoData> demoData;
  private Event<TenantChanged> changed;

  protected TenantService() {}

  @Inject
  public TenantService(TenantRepository tenants, TenantStorage storage, AuditTrail audit,
      TenantIdentity identity, Instance<TenantTemplates> templates, Instance<DemoData> demoData,
      Event<TenantChanged> changed) {
    this.changed = changed;
    this.tenants = tenants;
    this.storage = storage;
    this.audit = audit;
    this.identity = identity;
    this.templates = templates;
    this.demoData = demoData;
  }

  public List<TenantConfig> templates() {
    return templates.isResolvable() ? templates.get().list() : List.of();
  }

  public List<Tenant> list() {
    return tenants.all();
  }

  public Tenant get(String id) {
    return tenants.find(id).orElseThrow(() -> DomainException.notFound("tenant", id));
  }

  /**
   * Opens a tenant from a template, from scratch, or from a template with overrides (the given config wins), and
   * provisions it. Creating an existing tenant is refused; {@link #provision} finishes a half-provisioned one.
   */
  public Tenant create(String template, TenantConfig config, Tenant.FirstAdmin firstAdmin, String initialPassword,
      boolean withDemo, String actor) {
    TenantConfig effective = config;
    if (template != null && !template.isBlank()) {
      TenantConfig t = (templates.isResolvable() ? templates.get().find(template) : java.util.Optional.<TenantConfig>empty())
          .orElseThrow(() -> DomainException.invalid("template", "no template named " + template));
      effective = config != null ? config : t;
    }
    if (effective == null) {
      throw DomainException.invalid("config", "give a template or a configuration");
    }
    Tenant opened = Tenant.opened(effective, firstAdmin, Instant.now());
    if (!tenants.insert(opened)) {
      throw new DomainException(Kind.CONFLICT, "tenant " + effective.id() + " exists already");
    }
    audit.recordPlatform(actor, "tenant.created", "tenant", opened.id(), null, Map.of("config",
        describe(opened.config())));
    return provision(opened.id(), withDemo, actor, initialPassword);
  }

  /** Runs every provisioning step not yet done; safe to repeat. */
  public Tenant provision(String id, boolean withDemo, String actor) {
    return provision(id, withDemo, actor, null);
  }

  private Tenant provision(String id, boolean withDemo, String actor, String initialPassword) {
    Tenant t = get(id);
    storage.prepare(t);
    if (!t.provisioned().contains(Tenant.STEP_DATABASE)) {
      t = save(t.withStep(Tenant.STEP_DATABASE, Instant.now()));
    }
    if (!t.provisioned().contains(Tenant.STEP_IDENTITY)) {
      identity.provisionTenant(t, initialPassword);
      t = save(t.withStep(Tenant.STEP_IDENTITY, Instant.now()));
    } else if (!identity.isProvisioned(t)) {
      identity.provisionTenant(t, initialPassword); // the identity provider lost it (a new or reset realm)
    }
    if (withDemo && !t.provisioned().contains(Tenant.STEP_DEMO_DATA) && demoData.isResolvable()) {
      demoData.get().seed(t);
      t = save(t.withStep(Tenant.STEP_DEMO_DATA, Instant.now()));
    }
    if (t.status() == org.mu1000.platform.tenancy.domain.TenantStatus.PROVISIONING) {
      t = save(t.activated(Instant.now()));
      audit.recordPlatform(actor, "tenant.provisioned", "tenant", id, null,
          Map.of("steps", List.copyOf(t.provisioned())));
      changed.fire(new TenantChanged(id));
    }
    return t;
  }

  public Tenant update(String id, TenantConfig next, Long expectedVersion, String actor) {
    Tenant current = get(id);
    checkVersion(current, expectedVersion);
    Tenant saved = save(current.reconfigured(next, Instant.now()));
    audit.recordPlatform(actor, "tenant.updated", "tenant", id, describe(current.config()),
        describe(saved.config()));
    changed.fire(new TenantChanged(id));
    return saved;
  }

  /** Sets a tenant's providers (an empty list removes them); secrets left out are kept. */
  public Tenant setProviders(String id, List<org.mu1000.platform.tenancy.domain.ProviderConfig> providers,
      String actor) {
    Tenant current = get(id);
    Tenant saved = save(current.reconfigured(current.config().withProviders(providers), Instant.now()));
    audit.recordPlatform(actor, "tenant.providers-changed", "tenant", id, Map.of("providers",
        describe(current.config()).get("providers")), Map.of("providers", describe(saved.config()).get("providers")));
    changed.fire(new TenantChanged(id));
    return saved;
  }

  public Tenant suspend(String id, String reason, String actor) {
    Tenant current = get(id);
    Tenant saved = save(current.suspended(reason, Instant.now()));
    audit.recordPlatform(actor, "tenant.suspended", "tenant", id,
        Map.of("status", current.status().code()), status(saved.status().code(), saved.suspendedReason()));
    changed.fire(new TenantChanged(id));
    return saved;
  }

  public Tenant resume(String id, String actor) {
    Tenant current = get(id);
    Tenant saved = save(current.resumed(Instant.now()));
    audit.recordPlatform(actor, "tenant.resumed", "tenant", id,
        Map.of("status", current.status().code()), Map.of("status", saved.status().code()));
    changed.fire(new TenantChanged(id));
    return saved;
  }

  public Tenant requestDeletion(String id, String actor) {
    Tenant current = get(id);
    String code = HexFormat.of().formatHex(RANDOM.generateSeed(6));
    Tenant saved = save(current.deletionRequested(code, Instant.now().plus(Duration.ofMinutes(30)), Instant.now()));
    changed.fire(new TenantChanged(id));
    audit.recordPlatform(actor, "tenant.deletion-requested", "tenant", id,
        Map.of("status", current.status().code()), Map.of("status", saved.status().code()));
    return saved;
  }

  public void confirmDeletion(String id, String code, String actor) {
    Tenant current = get(id);
    current.checkDeletionCode(code, Instant.now());
    String own = current.config().mongoUri();
    // no other tenant left on its own deployment: the connection pool and monitor go too
    storage.drop(current, current.config().hasOwnDatabase() && tenants.all().stream()
        .noneMatch(t -> !t.id().equals(id) && own.equals(t.config().mongoUri())));
    tenants.delete(id);
    try {
      identity.forgetTenant(current);
    } catch (DomainException e) {
      LOG.warning("tenant " + id + " deleted, but its identity organization could not be removed: " + e.getMessage());
    }
    audit.recordPlatform(actor, "tenant.deleted", "tenant", id, describe(current.config()), null);
    changed.fire(new TenantChanged(id));
  }

  /** Writes a zip: tenant.json, then one JSON-lines file per collection of the tenant's database. */
  public void export(String id, OutputStream out, String actor) {
    Tenant t = get(id);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("tenant.json"));
      zip.write(JSON.writeValueAsBytes(describe(t.config())));
      zip.closeEntry();
      storage.export(t, zip);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.recordPlatform(actor, "tenant.exported", "tenant", id, null, null);
  }

  /**
   * Replaces a suspended tenant's data with an export of it (the backup). Users and roles live in the identity
   * provider and are not part of an export; they stay as they are.
   */
  public List<TenantStorage.Written> restore(String id, Path archive, String actor) {
    Tenant t = get(id);
    t.requireSuspended("restore it");
    List<TenantStorage.Written> written;
    try {
      written = storage.restore(t, archive);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.recordPlatform(actor, "tenant.restored", "tenant", id, null, Map.of("documents", counts(written)));
    return written;
  }

  /**
   * Moves a suspended tenant to another MongoDB deployment (in-country hosting; blank: back to the platform's): its
   * data is copied and counted there, then the tenant points at it. The old database is dropped only when asked.
   */
  public Move move(String id, String mongoUri, boolean dropSource, String actor) {
    Tenant current = get(id);
    Tenant target = current.movedTo(mongoUri, Instant.now());
    List<TenantStorage.Written> written;
    try {
      written = storage.copy(current, target);
    } catch (RuntimeException e) {
      if (tenants.all().stream().noneMatch(o -> Objects.equals(o.deployment(), target.deployment()))) {
        storage.release(target);
      }
      throw e;
    }
    Tenant saved = save(target);
    boolean dropped = dropSource;
    if (dropped) {
      storage.drop(current, current.config().hasOwnDatabase() && tenants.all().stream()
          .noneMatch(o -> Objects.equals(o.deployment(), current.deployment())));
    }
    audit.recordPlatform(actor, "tenant.moved", "tenant", id,
        Map.of("dedicatedDatabase", current.config().hasOwnDatabase()),
        Map.of("dedicatedDatabase", saved.config().hasOwnDatabase(), "documents", counts(written),
            "sourceDropped", dropped));
    changed.fire(new TenantChanged(id));
    return new Move(saved, written, dropped);
  }

  /** A finished move: the tenant at its new address, what was copied, and whether the old database is gone. */
  public record Move(Tenant tenant, List<TenantStorage.Written> written, boolean sourceDropped) {}

  private static Map<String, Long> counts(List<TenantStorage.Written> written) {
    Map<String, Long> m = new LinkedHashMap<>();
    written.forEach(w -> m.put(w.collection(), w.documents()));
    return m;
  }

  public AuditTrail.Page audit(String id, int page, int size) {
    return audit.readPlatform("tenant", id, page, size);
  }

  /** The tenant must be open for its members; platform admins may still read a suspended one. */
  public static void checkOpen(Tenant t) {
    if (!t.isOpen()) {
      String why = t.suspendedReason() == null ? t.status().code() : t.suspendedReason();
      throw new DomainException(Kind.SUSPENDED, "tenant " + t.id() + " is " + t.status().code() + ": " + why);
    }
  }

  private static void checkVersion(Tenant current, Long expected) {
    if (expected == null) {
      throw new DomainException(Kind.PRECONDITION_REQUIRED, "send If-Match with the ETag you read");
    }
    if (expected != current.version()) {
      throw new DomainException(Kind.STALE, "tenant " + current.id() + " is at version " + current.version()
          + ", not " + expected + "; read it again");
    }
  }

  private Tenant save(Tenant t) {
    return tenants.replace(t).orElseThrow(() -> new DomainException(Kind.STALE,
        "tenant " + t.id() + " was changed at the same time; try again"));
  }

  static Map<String, Object> describe(TenantConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("country", c.country());
    m.put("currency", c.currency());
    m.put("areaUnit", c.areaUnit().code());
    m.put("languages", c.languages());
    m.put("timezone", c.timezone());
    m.put("povertyLine", c.povertyLine().toPlainString());
    m.put("fxRates", c.fxRates().stream().map(r -> Map.of("date", r.date().toString(), "rate",
        r.rate().toPlainString())).toList());
    m.put("dedicatedDatabase", c.hasOwnDatabase());
    m.put("providers", c.providers().stream().map(p -> Map.of("family", p.family(), "provider", p.provider(),
        "settings", new java.util.TreeMap<>(p.settings()))).toList());
    return m;
  }

  private static Map<String, Object> status(String code, String reason) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", code);
    m.put("reason", reason);
    return m;
  }
}
