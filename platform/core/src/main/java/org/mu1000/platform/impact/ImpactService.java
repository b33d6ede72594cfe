package org.mu1000.platform.impact;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.mu1000.platform.impact.domain.Impact;
import org.mu1000.platform.persistence.WriteBatch;
import org.mu1000.platform.registry.ReferenceCache;
import org.mu1000.platform.registry.Registry;
import org.mu1000.platform.registry.RegistryEvent;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.security.Caller;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.tenancy.TenantDatabases;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantRepository;
import org.mu1000.platform.valuechain.domain.Lot;

/**
 * The live impact figures. Every change of a harvest lot (intake, correction, allocation to an order) and every
 * change of a farmer's plots updates rollup documents at once; {@link #recompute} rebuilds them from the raw lots
 * and the registry with the same code. Sums are exact decimals.
 */
@ApplicationScoped
public class ImpactService {
  static final String ROLLUPS = "impact_rollups";
  static final String AREAS = "impact_areas";
  /** Where household payouts were kept before they moved onto the farmer's enrolment; emptied by the upgrade. */
  static final String HOUSEHOLDS = "impact_households";
  static final int BANDS = Impact.BAND_SHARES.size() + 1;
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImpactService.class.getName());

  private TenantDatabases databases;
  private Registry registry;
  private TenantRepository tenants;
  private ReferenceCache references;

  protected ImpactService() {}

  @Inject
  public ImpactService(TenantDatabases databases, Registry registry, TenantRepository tenants,
      ReferenceCache references) {
    this.references = references;
    this.databases = databases;
    this.registry = registry;
    this.tenants = tenants;
  }

  /** A harvest lot's share of the figures: its value and where it counts. */
  public record Contribution(String programmeId, String season, String plotId, String farmerId, String cooperativeId,
      LocalDate harvestDate, BigDecimal kg, BigDecimal local, BigDecimal usd) {}

  /** The value of a harvest lot at a price per kg (the order line's, else the grade's reference price, else 0). */
  public static Optional<Contribution> contribution(Tenant t, Lot lot, BigDecimal pricePerKg) {
    if (lot == null || !lot.harvest()) {
      return Optional.empty();
    }
    BigDecimal price = pricePerKg == null ? BigDecimal.ZERO : pricePerKg;
    Impact.Valuation v;
    try {
      v = Impact.value(lot.kg(), price, t.config().fxRates(), lot.harvestDate());
    } catch (IllegalStateException noRate) {
      v = new Impact.Valuation(lot.kg().multiply(price), BigDecimal.ZERO, null);
    }
    return Optional.of(new Contribution(lot.programmeId(), lot.season(), lot.plotId(), lot.farmerId(),
        lot.cooperativeId(), lot.harvestDate(), lot.kg(), v.local(), v.usd()));
  }

  /** Moves the figures from a lot's old contribution to its new one. */
  public void changed(Tenant t, Optional<Contribution> before, Optional<Contribution> after) {
    Tables tables = Tables.live(databases.of(t));
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    before.ifPresent(c -> apply(t, tables, c, -1, today));
    after.ifPresent(c -> apply(t, tables, c, 1, today));
  }

  /**
   * The two rollup collections (sums by season; enrolments and areas, a farmer's enrolment also holding their
   * household's payouts), and the programme targets read so far (one read per programme, not per lot).
   */
  record Tables(RollupTable rollups, RollupTable areas, Map<String, BigDecimal> targets) {
    static Tables live(MongoDatabase db) {
      return new Tables(RollupTable.of(db.getCollection(ROLLUPS)), RollupTable.of(db.getCollection(AREAS)),
          new java.util.HashMap<>());
    }

    static Tables memory() {
      return new Tables(RollupTable.memory(), RollupTable.memory(), new java.util.HashMap<>());
    }
  }

  /**
   * What a farmer's enrolment says: their cooperative, programmes and the plots with an area, as last recorded; and
   * the enrolment as read, figures and version too, so an intake can settle the farmer without reading it again.
   */
  public record Enrolment(String farmerId, String cooperativeId, List<String> programmeIds,
      java.util.Set<String> plotIds, Document stored) {}

  /**
   * The farmer's enrolment as the registry's events left it (one read by id), or empty if none is recorded. It
   * serves fast checks only: whoever needs certainty that something is not so asks the registry.
   */
  public Optional<Enrolment> enrolment(Tenant t, String farmerId) {
    if (farmerId == null) {
      return Optional.empty();
    }
    Document d = databases.of(t).getCollection(AREAS).find(new Document("_id", enrolmentId(farmerId))).first();
    if (d == null) {
      return Optional.empty();
    }
    return Optional.of(new Enrolment(farmerId, d.getString("cooperativeId"),
        org.mu1000.platform.persistence.Docs.strings(d, "programmes"), d.get("plots", new Document()).keySet(), d));
  }

  private static String enrolmentId(String farmerId) {
    return "farmer|" + farmerId;
  }

  /**
   * The lots of one delivery count (one farmer, programme and harvest day): the increments of their plots', coops'
   * and programme's rollups go with the batch that writes the lots. When the farmer's enrolment was read for the
   * intake, their share goes with it too, as one increment on condition that the enrolment is still the version read:
   * what it is after that is then known without a round trip of its own. The step returned, run once the batch is
   * written, settles the farmer's flags from it; if the enrolment changed meanwhile (or was not read), the increment
   * was not applied and the step makes it, moving the farmer's sums, payout and flags exactly as {@link #changed}
   * does.
   */
  public Runnable delivered(Tenant t, WriteBatch batch, List<Contribution> cs, Document enrolment) {
    if (cs.isEmpty()) {
      return () -> {};
    }
    MongoDatabase db = databases.of(t);
    for (Contribution c : cs) {
      for (RollupTable.Inc i : sums(c, 1)) {
        batch.upsert(db.getName(), ROLLUPS, RollupTable.filter(i), RollupTable.update(i));
      }
    }
    RollupTable.Inc farmer = farmerInc(cs, 1);
    if (enrolment != null) {
      Document expected = new Document("_id", farmer.id()).append("v", enrolment.get("v"));
      batch.updateIf(db.getName(), AREAS, expected, RollupTable.update(farmer));
    }
    Contribution first = cs.get(0);
    return () -> {
      Tables tb = Tables.live(db);
      Document after = enrolment != null && batch.allMatched() ? RollupTable.incremented(enrolment, farmer.inc())
          : tb.areas().incAndGet(farmer);
      settleFarmer(t, tb, first.farmerId(), seasonKey(first.season(), first.programmeId()), after,
          LocalDate.now(ZoneId.of(t.config().timezone())));
    };
  }

  private void apply(Tenant t, Tables tb, Contribution c, int sign, LocalDate today) {
    tb.rollups().inc(sums(c, sign));
    settle(t, tb, c, sign, today);
  }

  /** The plot's, coop's and programme's share of a contribution (the farmer's is {@link #settle}'s). */
  private static List<RollupTable.Inc> sums(Contribution c, int sign) {
    String base = c.season() + "|" + c.programmeId() + "|";
    Map<String, Object> programmeSums = new LinkedHashMap<>(amounts(c, sign));
    programmeSums.put("months." + c.harvestDate().toString().substring(0, 7), signed(c.usd(), sign));
    return List.of(
        new RollupTable.Inc(base + "plot|" + c.plotId(), amounts(c, sign), head(c, "plot", c.plotId())),
        new RollupTable.Inc(base + "coop|" + c.cooperativeId(), amounts(c, sign),
            head(c, "coop", c.cooperativeId())),
        new RollupTable.Inc(base + "programme|" + c.programmeId(), programmeSums,
            head(c, "programme", c.programmeId())));
  }

  private static Map<String, Object> amounts(Contribution c, int sign) {
    Map<String, Object> sums = new LinkedHashMap<>();
    sums.put("usd", signed(c.usd(), sign));
    sums.put("local", signed(c.local(), sign));
    sums.put("kg", signed(c.kg(), sign));
    sums.put("lots", sign);
    return sums;
  }

  /**
   * The farmer's share of a contribution, in one write to their enrolment: the season's sums and the household's
   * payout. It returns what the bands and flags depend on (area, household, sums) as they are after it, so a
   * concurrent area change that this one misses settles the season itself. The version moves too: an enrolment
   * change in flight (compare-and-set on it) then reads again and keeps the payout.
   */
  private void settle(Tenant t, Tables tb, Contribution c, int sign, LocalDate today) {
    Document enrol = tb.areas().incAndGet(farmerInc(List.of(c), sign));
    settleFarmer(t, tb, c.farmerId(), seasonKey(c.season(), c.programmeId()), enrol, today);
  }

  /**
   * The increment of a farmer's enrolment by contributions of one farmer, programme, season and harvest day: their
   * sums of the season and the household's payout of the day; the version moves once.
   */
  private static RollupTable.Inc farmerInc(List<Contribution> cs, int sign) {
    Contribution first = cs.get(0);
    String at = SEASONS + "." + seasonKey(first.season(), first.programmeId()) + ".";
    String paid = "paid." + first.harvestDate();
    Map<String, Object> inc = new LinkedHashMap<>();
    for (Contribution c : cs) {
      if (!c.farmerId().equals(first.farmerId()) || !c.programmeId().equals(first.programmeId())
          || !c.season().equals(first.season()) || !c.harvestDate().equals(first.harvestDate())) {
        throw new IllegalArgumentException("contributions of one farmer, programme, season and day only");
      }
      amounts(c, sign).forEach((k, x) -> inc.merge(at + k, x, ImpactService::plus));
      inc.merge(paid, signed(c.local(), sign), ImpactService::plus);
    }
    inc.put("v", 1L);
    return new RollupTable.Inc(enrolmentId(first.farmerId()), inc, Map.of());
  }

  private static Object plus(Object a, Object b) {
    return a instanceof BigDecimal x ? x.add((BigDecimal) b) : (Integer) a + (Integer) b;
  }

  /** What a farmer's enrolment records from the registry (beside their figures: sums by season, payouts). */
  private static final List<String> ENROLMENT = List.of("plots", "area", "programmes", "cooperativeId", "female",
      "householdSize", "baselineIncome", "povertyLine");

  /** Where a farmer's sums of one season and programme sit on their enrolment. */
  static final String SEASONS = "seasons";

  private static String seasonKey(String season, String programmeId) {
    return season + "|" + programmeId;
  }

  private static Map<String, Object> head(Contribution c, String level, String key) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    m.put("key", key);
    m.put("season", c.season());
    m.put("programmeId", c.programmeId());
    return m;
  }

  private static BigDecimal signed(BigDecimal v, int sign) {
    return sign > 0 ? v : v.negate();
  }

  /**
   * A farmer's sums of a season changed (value or area): re-derive their band and their delivering, women and
   * poverty flags, and move the programme's counts from the old flags to the new ones. The flags change by
   * compare-and-set on the enrolment and its version, so two writers never count one transition twice and flags
   * derived from an older state never win.
   */
  private void settleFarmer(Tenant t, Tables tb, String farmerId, String season, Document enrolment,
      LocalDate today) {
    Document enrol = enrolment;
    int bar = season.indexOf('|');
    String seasonName = season.substring(0, bar);
    String programmeId = season.substring(bar + 1);
    String at = SEASONS + "." + season + ".";
    for (int attempt = 0; attempt < 50; attempt++) {
      if (attempt > 0) {
        enrol = tb.areas().get(enrolmentId(farmerId));
        if (enrol == null) {
          return; // gone with the farmer, who had no figures left to settle
        }
      }
      Document sums = seasonOf(enrol, season);
      BigDecimal area = num(enrol, "area");
      boolean female = enrol != null && enrol.getBoolean("female", false);
      BigDecimal target = tb.targets().computeIfAbsent(programmeId, p -> target(t, p));
      boolean delivering = sums.getInteger("lots", 0) > 0;
      int band = Impact.band(Impact.usdPerMu(num(sums, "usd"), area), target);
      boolean crossed = delivering && crossedNow(enrol, today);
      Map<String, Object> old = new LinkedHashMap<>();
      for (String k : List.of("band", "delivering", "female", "crossed")) {
        old.put(k, sums.get(k));
      }
      Map<String, Object> now = new LinkedHashMap<>();
      now.put("band", band);
      now.put("delivering", delivering);
      now.put("female", female);
      now.put("crossed", crossed);
      if (now.equals(old)) {
        return;
      }
      // the flags were derived from this version of the enrolment: if anything changed it since (a lot, an area, a
      // household, other flags), derive them again from what is stored now, or a stale band could win
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("v", enrol.get("v"));
      old.forEach((k, x) -> expected.put(at + k, x));
      Map<String, Object> set = new LinkedHashMap<>();
      now.forEach((k, x) -> set.put(at + k, x));
      if (!tb.areas().setIf(enrolmentId(farmerId), expected, set)) {
        continue; // changed meanwhile: settle from what is stored now
      }
      boolean wasDelivering = Boolean.TRUE.equals(old.get("delivering"));
      boolean wasFemale = Boolean.TRUE.equals(old.get("female"));
      boolean wasCrossed = Boolean.TRUE.equals(old.get("crossed"));
      int oldBand = old.get("band") == null ? 0 : (Integer) old.get("band");
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("farmers", (delivering ? 1 : 0) - (wasDelivering ? 1 : 0));
      counts.put("women", (delivering && female ? 1 : 0) - (wasDelivering && wasFemale ? 1 : 0));
      counts.put("crossed", (crossed ? 1 : 0) - (wasCrossed ? 1 : 0));
      if (wasDelivering) {
        counts.merge("bands." + oldBand, -1, (x, y) -> (Integer) x + (Integer) y);
      }
      if (delivering) {
        counts.merge("bands." + band, 1, (x, y) -> (Integer) x + (Integer) y);
      }
      Map<String, Object> onInsert = new LinkedHashMap<>();
      onInsert.put("level", "programme");
      onInsert.put("key", programmeId);
      onInsert.put("season", seasonName);
      onInsert.put("programmeId", programmeId);
      tb.rollups().inc(List.of(new RollupTable.Inc(seasonName + "|" + programmeId + "|programme|" + programmeId,
          counts, onInsert)));
      return;
    }
    throw new IllegalStateException("farmer " + farmerId + " is under too much contention");
  }

  /** A farmer's sums and flags of one season and programme, from their enrolment (empty if none yet). */
  private static Document seasonOf(Document enrol, String season) {
    Document seasons = enrol == null ? null : enrol.get(SEASONS, Document.class);
    Document d = seasons == null ? null : seasons.get(season, Document.class);
    return d == null ? new Document() : d;
  }

  private static List<Integer> bands(Document d) {
    List<Integer> out = new ArrayList<>();
    Document raw = d.get("bands", Document.class);
    for (int i = 0; i < BANDS; i++) {
      Object n = raw == null ? null : raw.get(String.valueOf(i));
      out.add(n == null ? 0 : ((Number) n).intValue());
    }
    return out;
  }


  private static boolean crossedNow(Document enrol, LocalDate today) {
    if (enrol == null || enrol.get("baselineIncome") == null || enrol.getInteger("householdSize", 0) <= 0
        || enrol.get("povertyLine") == null) {
      return false;
    }
    return Impact.crossed(num(enrol, "baselineIncome"), paidWithinYear(enrol, today),
        enrol.getInteger("householdSize"), num(enrol, "povertyLine"));
  }

  static BigDecimal paidWithinYear(Document household, LocalDate today) {
    BigDecimal sum = BigDecimal.ZERO;
    if (household == null) {
      return sum;
    }
    // ISO days compare as strings (years of four digits): no date is parsed for each payout day
    String from = today.minusDays(365).toString();
    String to = today.toString();
    for (Map.Entry<String, Object> e : household.get("paid", new Document()).entrySet()) {
      String day = e.getKey();
      if (day.compareTo(from) > 0 && day.compareTo(to) <= 0) {
        sum = sum.add(((Decimal128) e.getValue()).bigDecimalValue());
      }
    }
    return sum;
  }

  private BigDecimal target(Tenant t, String programmeId) {
    return references.programme(t, programmeId).map(Programme::targetUsdPerMu).orElse(Programme.DEFAULT_TARGET);
  }

  // ---- upgrade ----

  /** At start-up, before any request: figures still where older versions kept them move onto the enrolments. */
  void onStart(@Observes @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object ignored) {
    for (Tenant t : tenants.all()) {
      try {
        int n = upgrade(databases.of(t));
        if (n > 0) {
          LOG.info("tenant " + t.id() + ": " + n + " households' payouts and farmers' season sums moved onto their"
              + " enrolments");
        }
      } catch (RuntimeException e) { // a tenant's own deployment may be down: the next start tries again
        LOG.warning("tenant " + t.id() + ": impact figures not moved onto the enrolments yet: " + e);
      }
    }
  }

  /**
   * Moves what versions before December 2026 kept elsewhere onto the farmers' enrolments: each household's payouts
   * (a collection of their own) and each farmer's sums and flags of a season (a rollup document each), deleting the
   * old documents as it goes. Setting (not adding) makes a repeat after a crash harmless; it runs before requests
   * are served, so nothing is recorded meanwhile. Returns how many documents moved.
   */
  static int upgrade(MongoDatabase db) {
    var areas = db.getCollection(AREAS);
    var households = db.getCollection(HOUSEHOLDS);
    int n = 0;
    for (Document h : households.find().batchSize(1000)) {
      moveOnto(areas, h.getString("_id"), "paid", h.get("paid", new Document()));
      households.deleteOne(new Document("_id", h.get("_id")));
      n++;
    }
    var rollups = db.getCollection(ROLLUPS);
    for (Document r : rollups.find(new Document("level", "farmer")).batchSize(1000)) {
      Document sums = new Document();
      for (String k : List.of("usd", "local", "kg", "lots", "band", "delivering", "female", "crossed")) {
        if (r.containsKey(k)) {
          sums.put(k, r.get(k));
        }
      }
      moveOnto(areas, r.getString("key"), SEASONS + "." + seasonKey(r.getString("season"), r.getString("programmeId")),
          sums);
      rollups.deleteOne(new Document("_id", r.get("_id")));
      n++;
    }
    // the list of a farmer's rollup documents: their sums are on the enrolment itself now
    areas.updateMany(com.mongodb.client.model.Filters.exists("rollups"), com.mongodb.client.model.Updates.combine(
        com.mongodb.client.model.Updates.unset("rollups"), com.mongodb.client.model.Updates.inc("v", 1L)));
    return n;
  }

  private static void moveOnto(com.mongodb.client.MongoCollection<Document> areas, String farmerId, String path,
      Object value) {
    areas.updateOne(new Document("_id", enrolmentId(farmerId)), com.mongodb.client.model.Updates.combine(
        com.mongodb.client.model.Updates.set(path, value), com.mongodb.client.model.Updates.inc("v", 1L)),
        new com.mongodb.client.model.UpdateOptions().upsert(true));
  }

  // ---- enrolled areas, kept up to date from the registry's events ----

  void onRegistryEvent(@Observes RegistryEvent e) {
    if (!e.type().startsWith("farmer.") && !e.type().startsWith("plot.")) {
      return;
    }
    tenants.find(e.tenant()).ifPresent(t -> {
      Tables tb = Tables.live(databases.of(t));
      if (e.type().startsWith("farmer.")) {
        enrol(t, tb, e.entityId(), registry.repository(t).farmer(e.entityId()), plots -> plots, true);
        return;
      }
      // a plot event carries the plot: no need to list the farmer's plots (a scan without indexes)
      String farmerId = String.valueOf(e.data().get("farmerId"));
      String plotId = String.valueOf(e.data().get("id"));
      Object area = e.data().get("areaM2");
      boolean gone = e.type().equals("plot.deleted") || area == null;
      enrol(t, tb, farmerId, registry.repository(t).farmer(farmerId), plots -> {
        Document next = new Document(plots);
        if (gone) {
          next.remove(plotId);
        } else {
          next.put(plotId, dec(new BigDecimal(area.toString())));
        }
        return next;
      }, true);
    });
  }

  /**
   * Records a farmer's enrolment (coop, programmes, plots and their areas) and moves the programme's and the coop's
   * area sums from the old enrolment to the new; with {@code settle}, re-derives the bands of the farmer's rollups.
   */
  private void enrol(Tenant t, Tables tb, String farmerId, Optional<Farmer> farmer,
      java.util.function.UnaryOperator<Document> plotsChange, boolean settle) {
    List<String> programmes = farmer.map(Farmer::programmeIds).orElse(List.of());
    String coop = farmer.map(Farmer::cooperativeId).orElse(null);
    Document[] change = tb.areas().update(enrolmentId(farmerId), d -> {
      if (farmer.isEmpty()) { // gone from the registry: no enrolment, as a recompute finds; their figures stay
        ENROLMENT.forEach(d::remove);
        return d.keySet().stream().allMatch(k -> k.equals("_id") || k.equals("v")) ? null : d;
      }
      Document plots = plotsChange.apply(d.get("plots", new Document()));
      BigDecimal area = BigDecimal.ZERO;
      for (Object v : plots.values()) {
        area = area.add(((Decimal128) v).bigDecimalValue());
      }
      d.put("plots", plots);
      d.put("area", dec(area));
      d.put("programmes", programmes);
      d.put("cooperativeId", coop);
      d.put("female", farmer.map(f -> f.sex() == Sex.FEMALE).orElse(false));
      d.put("householdSize", farmer.map(Farmer::householdSize).orElse(null));
      d.put("baselineIncome", farmer.map(Farmer::baselineAnnualIncome).map(m -> dec(m.amount())).orElse(null));
      d.put("povertyLine", dec(t.config().povertyLine()));
      return d;
    });
    Document old = change[0] == null ? new Document() : change[0];
    Document now = change[1] == null ? new Document() : change[1];
    BigDecimal oldArea = old.get("area") == null ? BigDecimal.ZERO : num(old, "area");
    BigDecimal area = num(now, "area");
    for (String p : org.mu1000.platform.persistence.Docs.strings(old, "programmes")) {
      moveArea(tb, p, old.getString("cooperativeId"), oldArea.negate());
    }
    for (String p : programmes) {
      moveArea(tb, p, coop, area);
    }
    if (!settle) {
      return;
    }
    // the farmer's bands and flags depend on their area and household: settle every season of theirs
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    for (String season : now.get(SEASONS, new Document()).keySet()) {
      settleFarmer(t, tb, farmerId, season, now, today);
    }
  }

  private static void moveArea(Tables tb, String programme, String coop, BigDecimal delta) {
    if (delta.signum() == 0) {
      return;
    }
    tb.areas().inc(List.of(new RollupTable.Inc("programme|" + programme, Map.of("area", delta), Map.of()),
        new RollupTable.Inc("coop|" + programme + "|" + coop, Map.of("area", delta), Map.of())));
  }


  // ---- recompute ----

  /** Rebuilds every rollup of the tenant from the registry and the raw harvest lots, then replaces the stored ones. */
  public Map<String, Object> recompute(Tenant t, Caller c, Iterable<Contribution> lots) {
    if (c != null && !c.mayAdministerTenant()) {
      throw DomainException.forbidden("only tenant admins recompute the impact figures");
    }
    long t0 = System.nanoTime();
    Tables mem = Tables.memory();
    // one pass over plots and one over farmers: no per-farmer queries (a wire server without indexes scans)
    RegistryRepository repo = registry.repository(t);
    Map<String, List<Plot>> plots = new java.util.HashMap<>();
    repo.forEachPlot(p -> plots.computeIfAbsent(p.farmerId(), k -> new ArrayList<>()).add(p));
    int[] farmers = {0};
    repo.forEachFarmer(f -> {
      Document ps = new Document();
      plots.getOrDefault(f.id(), List.of()).stream().filter(p -> p.areaM2() != null)
          .forEach(p -> ps.put(p.id(), dec(p.areaM2())));
      enrol(t, mem, f.id(), Optional.of(f), x -> ps, false);
      farmers[0]++;
    });
    LocalDate today = LocalDate.now(ZoneId.of(t.config().timezone()));
    int count = 0;
    for (Contribution k : lots) {
      apply(t, mem, k, 1, today);
      count++;
    }
    MongoDatabase db = databases.of(t);
    replaceAll(db, ROLLUPS, (RollupTable.Memory) mem.rollups());
    replaceAll(db, AREAS, (RollupTable.Memory) mem.areas());
    db.getCollection(HOUSEHOLDS).deleteMany(new Document()); // the payouts' old place: they are on the enrolments now
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("farmers", farmers[0]);
    out.put("lots", count);
    out.put("rollups", ((RollupTable.Memory) mem.rollups()).docs.size());
    out.put("millis", (System.nanoTime() - t0) / 1_000_000);
    return out;
  }

  private static void replaceAll(MongoDatabase db, String coll, RollupTable.Memory mem) {
    db.getCollection(coll).deleteMany(new Document());
    List<Document> batch = new ArrayList<>();
    for (Document d : mem.docs.values()) {
      d.put("v", 1L);
      batch.add(d);
      if (batch.size() == 1000) {
        db.getCollection(coll).insertMany(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      db.getCollection(coll).insertMany(batch);
    }
  }

  // ---- reading ----

  /** The figures of one plot, farmer, cooperative or programme in one season. */
  public record Figures(String level, String id, String programmeId, String season, BigDecimal usd, BigDecimal local,
      BigDecimal kg, int lots, BigDecimal areaM2, BigDecimal usdPerMu, BigDecimal targetUsdPerMu, Integer farmers,
      Integer women, Integer crossed, List<Integer> bands, Map<String, BigDecimal> usdByMonth) {}

  public Figures figures(Tenant t, Caller c, String programmeId, String season, String level, String id) {
    if (!c.mayReadImpact()) {
      throw DomainException.forbidden("your role may not read impact figures");
    }
    RegistryRepository repo = registry.repository(t);
    Programme p = repo.programme(programmeId).orElseThrow(() -> DomainException.notFound("programme", programmeId));
    MongoDatabase db = databases.of(t);
    RollupTable rollups = RollupTable.of(db.getCollection(ROLLUPS));
    RollupTable areas = RollupTable.of(db.getCollection(AREAS));
    if ((level.equals("farmer") || level.equals("plot")) && !c.mayReadPersons()) {
      throw DomainException.forbidden("your role sees programme and cooperative figures, not a farmer's or a plot's");
    }
    String key = switch (level) {
      case "programme" -> programmeId;
      case "coop", "plot", "farmer" -> id;
      default -> throw DomainException.invalid("level", "must be one of plot, farmer, coop, programme");
    };
    if (key == null || key.isBlank()) {
      throw DomainException.invalid("id", "is required for level " + level);
    }
    Document[] enrolment = {null};
    BigDecimal area = switch (level) {
      case "programme" -> num(areas.get("programme|" + programmeId), "area");
      case "coop" -> {
        if (!c.maySeeCoop(key)) {
          throw DomainException.notFound("cooperative", key);
        }
        yield num(areas.get("coop|" + programmeId + "|" + key), "area");
      }
      case "farmer" -> {
        Farmer f = repo.farmer(key).filter(x -> c.maySeeCoop(x.cooperativeId()))
            .orElseThrow(() -> DomainException.notFound("farmer", id));
        enrolment[0] = areas.get(enrolmentId(key));
        yield f.programmeIds().contains(programmeId) ? num(enrolment[0], "area") : BigDecimal.ZERO;
      }
      default -> {
        Plot pl = repo.plot(key).orElseThrow(() -> DomainException.notFound("plot", id));
        repo.farmer(pl.farmerId()).filter(x -> c.maySeeCoop(x.cooperativeId()))
            .orElseThrow(() -> DomainException.notFound("plot", id));
        yield pl.areaM2();
      }
    };
    // a farmer's sums are on their enrolment; the others' in rollups of their own
    Document d = level.equals("farmer") ? seasonOf(enrolment[0], seasonKey(season, programmeId))
        : rollups.get(season + "|" + programmeId + "|" + level + "|" + key);
    Document r = d == null ? new Document() : d;
    BigDecimal usd = num(r, "usd");
    boolean programme = level.equals("programme");
    Map<String, BigDecimal> months = null;
    if (programme) {
      months = new java.util.TreeMap<>();
      for (Map.Entry<String, Object> e : r.get("months", new Document()).entrySet()) {
        months.put(e.getKey(), ((Decimal128) e.getValue()).bigDecimalValue());
      }
    }
    return new Figures(level, key, programmeId, season, usd, num(r, "local"), num(r, "kg"), r.getInteger("lots", 0),
        area, Impact.usdPerMu(usd, area), p.targetUsdPerMu(), programme ? r.getInteger("farmers", 0) : null,
        programme ? r.getInteger("women", 0) : null, programme ? r.getInteger("crossed", 0) : null,
        programme ? bands(r) : null, months);
  }

  /** The cooperatives of a programme with their figures (dashboard comparison). */
  public List<Figures> cooperatives(Tenant t, Caller c, String programmeId, String season) {
    List<Figures> out = new ArrayList<>();
    for (var coop : registry.repository(t).cooperatives()) {
      if (c.maySeeCoop(coop.id())) {
        out.add(figures(t, c, programmeId, season, "coop", coop.id()));
      }
    }
    return out;
  }

  /**
   * A fingerprint of every rollup document (SHA-256 of its key-sorted content, decimals normalised), for the
   * recompute check: small enough to hold for hundreds of thousands of documents.
   */
  public Map<String, Object> snapshot(Tenant t) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (String coll : List.of(ROLLUPS, AREAS)) {
      databases.of(t).getCollection(coll).find().batchSize(1000).forEach(d -> {
        d.remove("v");
        out.put(coll + "/" + d.get("_id"), org.mu1000.platform.traceability.domain.HashChain.hash(
            String.valueOf(sorted(d)), Map.of()));
      });
    }
    return out;
  }

  private static BigDecimal num(Document d, String key) {
    if (d == null || d.get(key) == null) {
      return BigDecimal.ZERO;
    }
    Object v = d.get(key);
    return v instanceof Decimal128 x ? x.bigDecimalValue() : new BigDecimal(v.toString());
  }

  private static Decimal128 dec(BigDecimal v) {
    return v == null ? null : new Decimal128(v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros());
  }

  /**
   * A document as a key-sorted map, so two rollups built in a different order compare equal. In the tallies by band,
   * month and payout day a zero is the same as no entry: live, a farmer's band can pass through a band (an area
   * changing between deliveries) that a recompute, which knows the final areas from the start, never visits.
   */
  static Object sorted(Object o) {
    return sorted(o, false);
  }

  private static final java.util.Set<String> TALLIES = java.util.Set.of("bands", "months", "paid");

  private static Object sorted(Object o, boolean tally) {
    if (o instanceof Map<?, ?> m) {
      Map<String, Object> out = new java.util.TreeMap<>();
      m.forEach((k, v) -> {
        Object value = sorted(v, TALLIES.contains(String.valueOf(k)));
        if (!(tally && ("0".equals(value) || Integer.valueOf(0).equals(value)))) {
          out.put(String.valueOf(k), value);
        }
      });
      return out;
    }
    if (o instanceof List<?> l) {
      return l.stream().map(ImpactService::sorted).toList();
    }
    if (o instanceof Decimal128 d) {
      BigDecimal v = d.bigDecimalValue();
      return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
    return o;
  }
}
