package org.mu1000.platform.tenancy.infrastructure.mongo;

import static org.mu1000.platform.shared.infrastructure.mongo.Docs.date;
import static org.mu1000.platform.shared.infrastructure.mongo.Docs.dec;
import static org.mu1000.platform.shared.infrastructure.mongo.Docs.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.kernel.FxRate;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.tenancy.domain.TenantStatus;

@ApplicationScoped
public class MongoTenantRepository implements TenantRepository {
  public static final String COLLECTION = "tenants";

  private Mongo mongo;

  protected MongoTenantRepository() {}

  @Inject
  public MongoTenantRepository(Mongo mongo) {
    this.mongo = mongo;
  }

  private MongoCollection<Document> tenants() {
    return mongo.controlPlane().getCollection(COLLECTION);
  }

  @Override
  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(tenants().find(Filters.eq("_id", id)).first()).map(MongoTenantRepository::fromDoc);
  }

  @Override
  public List<Tenant> all() {
    List<Tenant> out = new ArrayList<>();
    tenants().find().sort(new Document("_id", 1)).forEach(d -> out.add(fromDoc(d)));
    return out;
  }

  @Override
  public boolean insert(Tenant tenant) {
    return Docs.insertNew(tenants(), toDoc(tenant));
  }

  @Override
  public Optional<Tenant> replace(Tenant tenant) {
    Document next = toDoc(tenant).append("version", tenant.version() + 1);
    var result = tenants().replaceOne(
        new Document("_id", tenant.id()).append("version", tenant.version()), next, new ReplaceOptions());
    return result.getMatchedCount() == 1 ? Optional.of(fromDoc(next)) : Optional.empty();
  }

  @Override
  public void delete(String id) {
    tenants().deleteOne(Filters.eq("_id", id));
  }

  static Document toDoc(Tenant t) {
    TenantConfig c = t.config();
    List<Document> fx = c.fxRates().stream()
        .map(r -> new Document("date", r.date().toString()).append("rate", dec(r.rate()))).toList();
    return new Document("_id", c.id())
        .append("name", c.name())
        .append("country", c.country())
        .append("currency", c.currency())
        .append("areaUnit", c.areaUnit().code())
        .append("languages", c.languages())
        .append("timezone", c.timezone())
        .append("povertyLine", dec(c.povertyLine()))
        .append("fxRates", fx)
        .append("mongoUri", c.mongoUri())
        .append("maxPlotAreaHa", dec(c.maxPlotAreaHa()))
        .append("providers", c.providers().stream().map(p -> new Document("family", p.family())
            .append("provider", p.provider()).append("settings", new Document(new java.util.TreeMap<String, Object>(
                p.settings()))).append("secrets", new Document(new java.util.TreeMap<String, Object>(p.secrets()))))
            .toList())
        .append("status", t.status().code())
        .append("suspendedReason", t.suspendedReason())
        .append("provisioned", new ArrayList<>(t.provisioned()))
        .append("firstAdmin", t.firstAdmin() == null ? null
            : new Document("username", t.firstAdmin().username()).append("email", t.firstAdmin().email()))
        .append("deletionCode", t.deletionCode())
        .append("deletionExpires", date(t.deletionExpires()))
        .append("createdAt", date(t.createdAt()))
        .append("updatedAt", date(t.updatedAt()))
        .append("version", t.version());
  }

  private static java.util.Map<String, String> strings(Document d) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    if (d != null) {
      d.forEach((k, v) -> m.put(k, String.valueOf(v)));
    }
    return m;
  }

  private static Tenant.FirstAdmin firstAdmin(Document d) {
    return d == null ? null : new Tenant.FirstAdmin(d.getString("username"), d.getString("email"));
  }

  static Tenant fromDoc(Document d) {
    List<FxRate> fx = new ArrayList<>();
    for (Document r : d.getList("fxRates", Document.class, List.of())) {
      fx.add(new FxRate(LocalDate.parse(r.getString("date")), dec(r, "rate")));
    }
    TenantConfig c = new TenantConfig(d.getString("_id"), d.getString("name"), d.getString("country"),
        d.getString("currency"), AreaUnit.of(d.getString("areaUnit")), Docs.strings(d, "languages"),
        d.getString("timezone"), dec(d, "povertyLine"), fx, d.getString("mongoUri"), dec(d, "maxPlotAreaHa"),
        d.getList("providers", Document.class, List.of()).stream().map(p -> new ProviderConfig(p.getString("family"),
            p.getString("provider"), strings(p.get("settings", Document.class)), strings(p.get("secrets",
                Document.class)))).toList());
    return new Tenant(c, TenantStatus.of(d.getString("status")), d.getString("suspendedReason"),
        new HashSet<>(Docs.strings(d, "provisioned")), firstAdmin(d.get("firstAdmin", Document.class)),
        d.getString("deletionCode"), instant(d, "deletionExpires"),
        instant(d, "createdAt"), instant(d, "updatedAt"), Docs.version(d));
  }
}
