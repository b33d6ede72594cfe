package org.mu1000.platform.registry.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.RegistryRepository.FarmerFilter;
import org.mu1000.platform.registry.domain.Sex;

/** The registry adapter against the local MongoDB wire server; the database is dropped before each test. */
class MongoRegistryRepositoryTest {
  static final Mongo MONGO = Mongo.connect(org.mu1000.localmongo.LocalMongo.memory(), "mu1000test");
  MongoRegistryRepository repo;

  @BeforeEach
  void fresh() {
    var db = MONGO.tenantDatabase("t1", null);
    db.drop();
    repo = new MongoRegistryRepository(db);
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  static Farmer farmer(String id, String given, String family, Sex sex, String coop) {
    return new Farmer(id, null, given, family, sex, 1980, 4, null, null, null, coop, List.of("p1"),
        new Money(new BigDecimal("123456.78"), "RWF"), true, LocalDate.of(2026, 1, 1), Instant.EPOCH, Instant.EPOCH, 0);
  }

  @Test
  void farmersRoundTripWithMoneyAsDecimal() {
    assertTrue(repo.insert(farmer("f1", "Aline", "Uwase", Sex.FEMALE, "c1")));
    assertFalse(repo.insert(farmer("f1", "Other", "Name", Sex.MALE, "c1")), "ids are unique");
    Farmer back = repo.farmer("f1").orElseThrow();
    assertEquals(new BigDecimal("123456.78"), back.baselineAnnualIncome().amount());
    assertEquals(1, back.version());
    assertEquals(List.of("p1"), back.programmeIds());
  }

  @Test
  void replaceOnlyMatchesTheVersionRead() {
    repo.insert(farmer("f1", "Aline", "Uwase", Sex.FEMALE, "c1"));
    Farmer v1 = repo.farmer("f1").orElseThrow();
    Farmer v2 = repo.replace(v1).orElseThrow();
    assertEquals(2, v2.version());
    assertTrue(repo.replace(v1).isEmpty(), "a writer holding version 1 is refused");
    assertFalse(repo.deleteFarmer("f1", 1));
    assertTrue(repo.deleteFarmer("f1", 2));
    assertTrue(repo.farmer("f1").isEmpty());
  }

  @Test
  void filtersScopeSortAndPage() {
    repo.insert(farmer("f1", "Aline", "Uwase", Sex.FEMALE, "c1"));
    repo.insert(farmer("f2", "Jean", "Habimana", Sex.MALE, "c1"));
    repo.insert(farmer("f3", "Claudine", "Mukamana", Sex.FEMALE, "c2"));
    repo.insert(farmer("f4", "Eric", "Uwera", Sex.MALE, "c2"));
    var page = repo.farmers(new FarmerFilter(null, null, null, null, "uw"), "familyName", true, 0, 10);
    assertEquals(List.of("f1", "f4"), page.items().stream().map(Farmer::id).toList());
    var scoped = repo.farmers(new FarmerFilter(null, Set.of("c2"), null, Sex.FEMALE, null), "familyName", true, 0, 10);
    assertEquals(List.of("f3"), scoped.items().stream().map(Farmer::id).toList());
    var second = repo.farmers(new FarmerFilter(null, null, null, null, null), "familyName", false, 1, 2);
    assertEquals(4, second.total());
    assertEquals(List.of("f3", "f2"), second.items().stream().map(Farmer::id).toList());
    var regexSafe = repo.farmers(new FarmerFilter(null, null, null, null, ".*"), "familyName", true, 0, 10);
    assertEquals(0, regexSafe.total(), "the prefix is literal, not a pattern");
  }

  @Test
  void externalIdsAreClaimedOnce() {
    assertEquals("f1", repo.claimExternalId("c1", "X-1", "f1"));
    assertEquals("f1", repo.claimExternalId("c1", "X-1", "f2"), "the second claimant learns the holder");
    assertEquals("f2", repo.claimExternalId("c2", "X-1", "f2"), "keys are per cooperative");
    assertEquals("f1", repo.farmerByExternalId("c1", "X-1").orElseThrow());
  }

  @Test
  void plotsKeepGeoJsonAndArea() {
    Map<String, Object> g = Map.of("type", "Point", "coordinates", List.of(29.7, -1.6));
    repo.insert(Plot.measured("p1", "f1", "e1", "coffee", 2015, g, new BigDecimal("2400"), 0));
    Plot back = repo.plotsOf("f1").get(0);
    assertEquals(new BigDecimal("2400.00"), back.areaM2());
    assertEquals(g, back.geometry());
    repo.insert(new Cooperative("c1", "Coop", null, null, null,
        List.of(new Cooperative.CollectionPoint("CP", new BigDecimal("-1.6"), new BigDecimal("29.7"))),
        List.of("Fairtrade", " ", "Fairtrade", "Rainforest Alliance"), 0));
    assertEquals(new BigDecimal("-1.6"), repo.cooperative("c1").orElseThrow().collectionPoints().get(0).latitude());
    assertEquals(List.of("Fairtrade", "Rainforest Alliance"), repo.cooperative("c1").orElseThrow().certifications());
  }
}
