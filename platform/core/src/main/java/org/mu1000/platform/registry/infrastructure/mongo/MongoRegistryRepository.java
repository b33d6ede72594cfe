package org.mu1000.platform.registry.infrastructure.mongo;

import static org.mu1000.platform.shared.infrastructure.mongo.Docs.date;
import static org.mu1000.platform.shared.infrastructure.mongo.Docs.dec;
import static org.mu1000.platform.shared.infrastructure.mongo.Docs.instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.domain.Pages;
import org.mu1000.platform.shared.infrastructure.mongo.Docs;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.VersionedCollection;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/** The registry in one tenant database. */
public class MongoRegistryRepository implements RegistryRepository {
  public static final String FARMERS = "farmers";
  public static final String PLOTS = "plots";
  public static final String COOPERATIVES = "cooperatives";
  public static final String PROGRAMMES = "programmes";
  public static final String EXTERNAL_IDS = "external_ids";

  private final MongoDatabase db;
  private final VersionedCollection farmers;
  private final VersionedCollection plots;
  private final VersionedCollection coops;
  private final VersionedCollection programmes;

  /** The registries of every tenant, each in the tenant's own database. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class Stores implements RegistryRepository.Stores {
    private TenantDatabases databases;

    protected Stores() {}

    @jakarta.inject.Inject
    public Stores(TenantDatabases databases) {
      this.databases = databases;
    }

    @Override
    public RegistryRepository of(org.mu1000.platform.kernel.TenantHome tenant) {
      return new MongoRegistryRepository(databases.of(tenant));
    }
  }

  public MongoRegistryRepository(MongoDatabase db) {
    this.db = db;
    this.farmers = new VersionedCollection(db.getCollection(FARMERS));
    this.plots = new VersionedCollection(db.getCollection(PLOTS));
    this.coops = new VersionedCollection(db.getCollection(COOPERATIVES));
    this.programmes = new VersionedCollection(db.getCollection(PROGRAMMES));
  }

  // --- farmers -----------------------------------------------------------------------------------------------------

  @Override
  public Optional<Farmer> farmer(String id) {
    return farmers.find(id).map(MongoRegistryRepository::farmerOf);
  }

  @Override
  public Page<Farmer> farmers(FarmerFilter f, String sortField, boolean ascending, int page, int size) {
    List<Bson> parts = new ArrayList<>();
    if (f.cooperativeId() != null) {
      parts.add(Filters.eq("cooperativeId", f.cooperativeId()));
    }
    if (f.cooperativeScope() != null) {
      parts.add(Filters.in("cooperativeId", f.cooperativeScope()));
    }
    if (f.programmeId() != null) {
      parts.add(Filters.eq("programmeIds", f.programmeId()));
    }
    if (f.sex() != null) {
      parts.add(Filters.eq("sex", f.sex().code()));
    }
    if (f.namePrefix() != null && !f.namePrefix().isBlank()) {
      parts.add(Filters.regex("names", "^" + literal(f.namePrefix().trim().toLowerCase())));
    }
    Bson filter = parts.isEmpty() ? null : Filters.and(parts);
    Bson sort = ascending ? Sorts.ascending(sortField, "_id") : Sorts.descending(sortField, "_id");
    List<Farmer> items = farmers.page(filter, sort, Pages.skip(page, size), size).stream()
        .map(MongoRegistryRepository::farmerOf).toList();
    return new Page<>(items, farmers.count(filter));
  }

  @Override
  public boolean insert(Farmer f) {
    return farmers.insert(farmerDoc(f));
  }

  @Override
  public Optional<Farmer> replace(Farmer f) {
    return farmers.replace(farmerDoc(f), f.version()).map(MongoRegistryRepository::farmerOf);
  }

  @Override
  public boolean deleteFarmer(String id, long version) {
    return farmers.softDelete(id, version);
  }

  @Override
  public String claimExternalId(String cooperativeId, String externalId, String farmerId) {
    return claim("farmer|" + cooperativeId + "|" + externalId, farmerId);
  }

  @Override
  public Optional<String> farmerByExternalId(String cooperativeId, String externalId) {
    return holder("farmer|" + cooperativeId + "|" + externalId);
  }

  @Override
  public String claimPlotExternalId(String farmerId, String externalId, String plotId) {
    return claim("plot|" + farmerId + "|" + externalId, plotId);
  }

  @Override
  public Optional<String> plotByExternalId(String farmerId, String externalId) {
    return holder("plot|" + farmerId + "|" + externalId);
  }

  @Override
  public Map<String, String> farmersByExternalIds(String cooperativeId, Collection<String> externalIds) {
    String prefix = "farmer|" + cooperativeId + "|";
    Map<String, String> holders = new HashMap<>();
    db.getCollection(EXTERNAL_IDS).find(Filters.in("_id", externalIds.stream().map(x -> prefix + x).toList()))
        .forEach(d -> holders.put(d.getString("_id").substring(prefix.length()), d.getString("target")));
    return holders;
  }

  @Override
  public void claim(Batch batch, Farmer f) {
    String key = "farmer|" + f.cooperativeId() + "|" + f.externalId();
    if (batch.isResumed()) { // the claim may be there already: this farmer's is kept, another's fails the batch
      WriteBatch.of(batch).upsert(db.getName(), EXTERNAL_IDS, Filters.and(Filters.eq("_id", key),
          Filters.eq("target", f.id())), new Document("$set", new Document("target", f.id())));
      return;
    }
    WriteBatch.of(batch).insert(db.getName(), EXTERNAL_IDS, new Document("_id", key).append("target", f.id()));
  }

  @Override
  public void claim(Batch batch, Plot p) {
    WriteBatch.of(batch).insert(db.getName(), EXTERNAL_IDS, new Document("_id", "plot|" + p.farmerId() + "|"
        + p.externalId()).append("target", p.id()));
  }

  @Override
  public void insert(Batch batch, Farmer f) {
    WriteBatch.of(batch).insert(db.getName(), FARMERS, VersionedCollection.fresh(farmerDoc(f)));
  }

  @Override
  public void insert(Batch batch, Plot p) {
    WriteBatch.of(batch).insert(db.getName(), PLOTS, VersionedCollection.fresh(plotDoc(p)));
  }

  /** External ids are unique keys in their own collection (_id), so claiming one is a single atomic insert. */
  private String claim(String key, String target) {
    try {
      db.getCollection(EXTERNAL_IDS).insertOne(new Document("_id", key).append("target", target));
      return target;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return holder(key).orElse(target);
    }
  }

  private Optional<String> holder(String key) {
    Document d = db.getCollection(EXTERNAL_IDS).find(new Document("_id", key)).first();
    return Optional.ofNullable(d).map(x -> x.getString("target"));
  }

  public static Document farmerDoc(Farmer f) {
    Money m = f.baselineAnnualIncome();
    return new Document("_id", f.id())
        .append("externalId", f.externalId())
        .append("givenName", f.givenName())
        .append("familyName", f.familyName())
        .append("names", List.of(f.givenName().toLowerCase(), f.familyName().toLowerCase()))
        .append("sex", f.sex().code())
        .append("birthYear", f.birthYear())
        .append("householdSize", f.householdSize())
        .append("msisdn", f.msisdn())
        .append("nationalIdHash", f.nationalIdHash())
        .append("nationalIdLast4", f.nationalIdLast4())
        .append("cooperativeId", f.cooperativeId())
        .append("programmeIds", f.programmeIds())
        .append("baselineAnnualIncome", m == null ? null
            : new Document("amount", dec(m.amount())).append("currency", m.currency()))
        .append("consentGiven", f.consentGiven())
        .append("consentDate", Docs.day(f.consentDate()))
        .append("createdAt", date(f.createdAt()))
        .append("updatedAt", date(f.updatedAt()));
  }

  static Farmer farmerOf(Document d) {
    Document m = d.get("baselineAnnualIncome", Document.class);
    return new Farmer(d.getString("_id"), d.getString("externalId"), d.getString("givenName"),
        d.getString("familyName"), Sex.of(d.getString("sex")), Docs.integer(d, "birthYear"),
        Docs.integer(d, "householdSize"), d.getString("msisdn"), d.getString("nationalIdHash"),
        d.getString("nationalIdLast4"), d.getString("cooperativeId"), Docs.strings(d, "programmeIds"),
        m == null ? null : new Money(dec(m, "amount"), m.getString("currency")), d.getBoolean("consentGiven"),
        Docs.day(d, "consentDate"), instant(d, "createdAt"), instant(d, "updatedAt"), Docs.version(d));
  }

  // --- plots -------------------------------------------------------------------------------------------------------

  @Override
  public Optional<Plot> plot(String id) {
    return plots.find(id).map(MongoRegistryRepository::plotOf);
  }

  @Override
  public void forEachFarmer(java.util.function.Consumer<Farmer> action) {
    farmers.raw().find(VersionedCollection.live(null)).batchSize(1000).forEach(d -> action.accept(farmerOf(d)));
  }

  @Override
  public void forEachPlot(java.util.function.Consumer<Plot> action) {
    plots.raw().find(VersionedCollection.live(null)).batchSize(1000).forEach(d -> action.accept(plotOf(d)));
  }

  @Override
  public List<Plot> plotsOf(String farmerId) {
    return plots.page(Filters.eq("farmerId", farmerId), Sorts.ascending("_id"), 0, 1000).stream()
        .map(MongoRegistryRepository::plotOf).toList();
  }

  @Override
  public boolean insert(Plot p) {
    return plots.insert(plotDoc(p));
  }

  @Override
  public Optional<Plot> replace(Plot p) {
    return plots.replace(plotDoc(p), p.version()).map(MongoRegistryRepository::plotOf);
  }

  @Override
  public boolean deletePlot(String id, long version) {
    return plots.softDelete(id, version);
  }

  public static Document plotDoc(Plot p) {
    return new Document("_id", p.id()).append("farmerId", p.farmerId()).append("externalId", p.externalId())
        .append("crop", p.crop()).append("plantingYear", p.plantingYear())
        .append("geometry", new Document(p.geometry()))
        .append("declaredAreaM2", dec(p.declaredAreaM2())).append("areaM2", dec(p.areaM2()));
  }

  @SuppressWarnings("unchecked")
  static Plot plotOf(Document d) {
    Map<String, Object> geometry = (Map<String, Object>) plain(d.get("geometry", Document.class));
    return new Plot(d.getString("_id"), d.getString("farmerId"), d.getString("externalId"), d.getString("crop"),
        Docs.integer(d, "plantingYear"), geometry, dec(d, "declaredAreaM2"), dec(d, "areaM2"), Docs.version(d));
  }

  /** BSON documents and lists back to plain maps, lists and doubles, as GeoJSON expects. */
  private static Object plain(Object o) {
    if (o instanceof Document doc) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      doc.forEach((k, v) -> m.put(k, plain(v)));
      return m;
    }
    if (o instanceof List<?> list) {
      return list.stream().map(MongoRegistryRepository::plain).toList();
    }
    if (o instanceof org.bson.types.Decimal128 x) {
      return x.bigDecimalValue();
    }
    return o;
  }

  // --- cooperatives & programmes -----------------------------------------------------------------------------------

  @Override
  public Optional<Cooperative> cooperative(String id) {
    return coops.find(id).map(MongoRegistryRepository::coopOf);
  }

  @Override
  public List<Cooperative> cooperatives() {
    return all(coops, MongoRegistryRepository::coopOf);
  }

  @Override
  public boolean insert(Cooperative c) {
    return coops.insert(coopDoc(c));
  }

  @Override
  public Optional<Cooperative> replace(Cooperative c) {
    return coops.replace(coopDoc(c), c.version()).map(MongoRegistryRepository::coopOf);
  }

  @Override
  public boolean deleteCooperative(String id, long version) {
    return coops.softDelete(id, version);
  }

  static Document coopDoc(Cooperative c) {
    return new Document("_id", c.id()).append("name", c.name()).append("registrationNumber", c.registrationNumber())
        .append("district", c.district()).append("region", c.region())
        .append("collectionPoints", c.collectionPoints().stream().map(p -> new Document("name", p.name())
            .append("latitude", dec(p.latitude())).append("longitude", dec(p.longitude()))).toList())
        .append("certifications", c.certifications());
  }

  static Cooperative coopOf(Document d) {
    List<Cooperative.CollectionPoint> points = new ArrayList<>();
    for (Document p : d.getList("collectionPoints", Document.class, List.of())) {
      points.add(new Cooperative.CollectionPoint(p.getString("name"), dec(p, "latitude"), dec(p, "longitude")));
    }
    return new Cooperative(d.getString("_id"), d.getString("name"), d.getString("registrationNumber"),
        d.getString("district"), d.getString("region"), points, Docs.strings(d, "certifications"), Docs.version(d));
  }

  @Override
  public Optional<Programme> programme(String id) {
    return programmes.find(id).map(ProgrammeDocs::programmeOf);
  }

  @Override
  public List<Programme> programmes() {
    return all(programmes, ProgrammeDocs::programmeOf);
  }

  @Override
  public boolean insert(Programme p) {
    return programmes.insert(ProgrammeDocs.programmeDoc(p));
  }

  @Override
  public Optional<Programme> replace(Programme p) {
    return programmes.replace(ProgrammeDocs.programmeDoc(p), p.version()).map(ProgrammeDocs::programmeOf);
  }

  @Override
  public boolean deleteProgramme(String id, long version) {
    return programmes.softDelete(id, version);
  }



  private static <T> List<T> all(VersionedCollection c, Function<Document, T> map) {
    return c.page(null, Sorts.ascending("name", "_id"), 0, 10_000).stream().map(map).toList();
  }

  /** A prefix matched as typed: every character that means something in a regular expression is escaped. */
  static String literal(String text) {
    StringBuilder b = new StringBuilder(text.length() + 8);
    for (char ch : text.toCharArray()) {
      if ("\\^$.|?*+()[]{}/-".indexOf(ch) >= 0) {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }
}
