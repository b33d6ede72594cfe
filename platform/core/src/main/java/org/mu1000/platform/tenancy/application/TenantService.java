package org.mu1000.platform.tenancy.application;

import org.mu1000.platform.tenancy.infrastructure.mongo.TenantDatabases;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.mu1000.platform.audit.application.AuditLog;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;
import org.mu1000.platform.tenancy.domain.TenantRepository;

/** What an aid agency does with country projects. Every change is audited in the control plane. */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class.getName());
  private static final JsonWriterSettings JSONL = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TenantRepository tenants;
  private TenantDatabases databases;
  private Mongo mongo;
  private AuditLog audit;
  private TenantIdentity identity;
  private Instance<TenantTemplates> templates;
  private Instance<DemoData> demoData;

  protected TenantService() {}

  @Inject
  public TenantService(TenantRepository tenants, TenantDatabases databases, Mongo mongo, AuditLog audit,
      TenantIdentity identity, Instance<TenantTemplates> templates, Instance<DemoData> demoData) {
    this.tenants = tenants;
    this.databases = databases;
    this.mongo = mongo;
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
    audit.record(mongo.controlPlane(), actor, "tenant.created", "tenant", opened.id(), null, Document.parse(
        "{}").append("config", describe(opened.config())));
    return provision(opened.id(), withDemo, actor, initialPassword);
  }

  /** Runs every provisioning step not yet done; safe to repeat. */
  public Tenant provision(String id, boolean withDemo, String actor) {
    return provision(id, withDemo, actor, null);
  }

  private Tenant provision(String id, boolean withDemo, String actor, String initialPassword) {
    Tenant t = get(id);
    if (!t.provisioned().contains(Tenant.STEP_DATABASE)) {
      databases.createIndexes(t);
      t = save(t.withStep(Tenant.STEP_DATABASE, Instant.now()));
    } else {
      databases.createIndexes(t);
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
      audit.record(mongo.controlPlane(), actor, "tenant.provisioned", "tenant", id, null,
          new Document("steps", List.copyOf(t.provisioned())));
    }
    return t;
  }

  public Tenant update(String id, TenantConfig next, Long expectedVersion, String actor) {
    Tenant current = get(id);
    checkVersion(current, expectedVersion);
    Tenant changed = current.reconfigured(next, Instant.now());
    Tenant saved = save(changed);
    audit.record(mongo.controlPlane(), actor, "tenant.updated", "tenant", id, describe(current.config()),
        describe(saved.config()));
    return saved;
  }

  public Tenant suspend(String id, String reason, String actor) {
    Tenant current = get(id);
    Tenant saved = save(current.suspended(reason, Instant.now()));
    audit.record(mongo.controlPlane(), actor, "tenant.suspended", "tenant", id,
        new Document("status", current.status().code()),
        new Document("status", saved.status().code()).append("reason", saved.suspendedReason()));
    return saved;
  }

  public Tenant resume(String id, String actor) {
    Tenant current = get(id);
    Tenant saved = save(current.resumed(Instant.now()));
    audit.record(mongo.controlPlane(), actor, "tenant.resumed", "tenant", id,
        new Document("status", current.status().code()), new Document("status", saved.status().code()));
    return saved;
  }

  public Tenant requestDeletion(String id, String actor) {
    Tenant current = get(id);
    String code = HexFormat.of().formatHex(RANDOM.generateSeed(6));
    Tenant saved = save(current.deletionRequested(code, Instant.now().plus(Duration.ofMinutes(30)), Instant.now()));
    audit.record(mongo.controlPlane(), actor, "tenant.deletion-requested", "tenant", id,
        new Document("status", current.status().code()), new Document("status", saved.status().code()));
    return saved;
  }

  public void confirmDeletion(String id, String code, String actor) {
    Tenant current = get(id);
    current.checkDeletionCode(code, Instant.now());
    databases.drop(current);
    tenants.delete(id);
    String own = current.config().mongoUri();
    if (current.config().hasOwnDatabase() && tenants.all().stream().noneMatch(t -> own.equals(t.config().mongoUri()))) {
      mongo.release(own); // no tenant left on that deployment: its connection pool and monitor go too
    }
    try {
      identity.forgetTenant(current);
    } catch (DomainException e) {
      LOG.warning("tenant " + id + " deleted, but its identity organization could not be removed: " + e.getMessage());
    }
    audit.record(mongo.controlPlane(), actor, "tenant.deleted", "tenant", id, describe(current.config()), null);
  }

  /** Writes a zip: tenant.json, then one JSON-lines file per collection of the tenant's database. */
  public void export(String id, OutputStream out, String actor) {
    Tenant t = get(id);
    MongoDatabase db = databases.of(t);
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("tenant.json"));
      zip.write(describe(t.config()).toJson(JSONL).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (String name : db.listCollectionNames()) {
        zip.putNextEntry(new ZipEntry(name + ".jsonl"));
        for (Document d : db.getCollection(name).find()) {
          zip.write(d.toJson(JSONL).getBytes(StandardCharsets.UTF_8));
          zip.write('\n');
        }
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.record(mongo.controlPlane(), actor, "tenant.exported", "tenant", id, null, null);
  }

  public AuditLog.Page audit(String id, int page, int size) {
    return audit.read(mongo.controlPlane(), "tenant", id, page, size);
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

  static Document describe(TenantConfig c) {
    return new Document("id", c.id()).append("name", c.name()).append("country", c.country())
        .append("currency", c.currency()).append("areaUnit", c.areaUnit().code()).append("languages", c.languages())
        .append("timezone", c.timezone()).append("povertyLine", c.povertyLine().toPlainString())
        .append("fxRates", c.fxRates().stream().map(r -> new Document("date", r.date().toString())
            .append("rate", r.rate().toPlainString())).toList())
        .append("dedicatedDatabase", c.hasOwnDatabase());
  }
}
