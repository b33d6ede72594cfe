package org.mu1000.platform.tenancy.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mu1000.localmongo.LocalMongo;
import org.mu1000.platform.registry.infrastructure.mongo.RegistryIndexes;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.infrastructure.mongo.Mongo;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.application.TenantStorage.Written;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;

/**
 * Backup and move of a tenant's database against real wire servers: an export restores to exactly what was exported
 * (every BSON type), a bad archive changes nothing, and a move copies everything with its indexes to another server,
 * in memory and on the H2 file store of the local run.
 */
class MongoTenantStorageTest {
  static final Mongo MONGO = Mongo.connect(LocalMongo.memory(), "mu1000storage");
  static final TenantDatabases DATABASES = new TenantDatabases(MONGO, List.of(new RegistryIndexes()));

  @TempDir
  Path dir;

  MongoTenantStorage storage = new MongoTenantStorage(DATABASES);
  Tenant tenant = tenant(null);
  MongoDatabase db;

  static Tenant tenant(String mongoUri) {
    return Tenant.opened(new TenantConfig("kenya", "Kenya", "KE", "KES", AreaUnit.ACRE, List.of("en"),
        "Africa/Nairobi", new BigDecimal("250"), List.of(), mongoUri), null, Instant.EPOCH);
  }

  @BeforeEach
  void seed() {
    db = DATABASES.of(tenant);
    db.drop();
    List<Document> farmers = new ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      farmers.add(new Document("_id", "f" + i).append("income", new Decimal128(new BigDecimal("1234.50")))
          .append("bornOn", new Date(86_400_000L * i)).append("version", (long) i).append("household", i % 9)
          .append("share", 0.25).append("plots", List.of(new Document("id", "p" + i).append("areaM2", 1234.5))));
    }
    db.getCollection("farmers").insertMany(farmers);
    db.getCollection("cooperatives").insertOne(new Document("_id", "c1").append("name", "Kiambu Dairy — Ŵ"));
    db.getCollection("empty").createIndex(new Document("x", 1));
    storage.prepare(tenant);
  }

  @AfterAll
  static void close() {
    MONGO.close();
  }

  @Test
  void aRestoreGivesBackExactlyWhatWasExported() throws IOException {
    Map<String, String> before = contents(db);
    Path archive = export(tenant);

    db.getCollection("farmers").deleteMany(new Document("household", 3));
    db.getCollection("farmers").updateOne(new Document("_id", "f1"), new Document("$set", new Document("version", 99)));
    db.getCollection("later").insertOne(new Document("_id", "x"));

    List<Written> written = storage.restore(tenant, archive);

    assertEquals(before, contents(db), "every document and every BSON type as exported; the later collection gone");
    assertTrue(written.contains(new Written("farmers", 2_345)), written.toString());
    assertTrue(written.contains(new Written("empty", 0)), written.toString());
    assertTrue(indexes(db, "farmers").contains("{\"cooperativeId\": 1, \"familyName\": 1}"), "indexes created again");
    assertFalse(db.listCollectionNames().into(new ArrayList<>()).stream().anyMatch(n -> n.startsWith("restore.")));
  }

  @Test
  void aRestoreOfAnotherTenantsExportOrOfABrokenOneWritesNothing() throws IOException {
    Map<String, String> before = contents(db);

    Path other = zip(Map.of("tenant.json", "{\"id\": \"rwanda\"}", "farmers.jsonl", "{\"_id\": \"z\"}\n"));
    DomainException e = assertThrows(DomainException.class, () -> storage.restore(tenant, other));
    assertEquals(Kind.UNPROCESSABLE, e.kind());

    Path broken = zip(Map.of("tenant.json", "{\"id\": \"kenya\"}", "cooperatives.jsonl", "{\"_id\": \"c9\"}\n",
        "farmers.jsonl", "{\"_id\": \"f1\"}\n{\"_id\": \"f2\", \"income\": {\"$numberDecimal\": \"x\"}}\n"));
    e = assertThrows(DomainException.class, () -> storage.restore(tenant, broken));
    assertEquals(Kind.INVALID, e.kind());
    assertTrue(e.violations().toString().contains("farmers.jsonl line 2"), e.violations().toString());

    Path sneaky = zip(Map.of("tenant.json", "{\"id\": \"kenya\"}", "system.users.jsonl", "{\"_id\": 1}\n"));
    assertEquals(Kind.INVALID, assertThrows(DomainException.class, () -> storage.restore(tenant, sneaky)).kind());

    Path notZip = dir.resolve("not.zip");
    Files.writeString(notZip, "farmers");
    assertEquals(Kind.INVALID, assertThrows(DomainException.class, () -> storage.restore(tenant, notZip)).kind());

    assertEquals(before, contents(db), "nothing written");
  }

  @Test
  void aMoveCopiesEverythingWithItsIndexesToAnotherServer() {
    moveTo(LocalMongo.another(null));
  }

  @Test
  void aMoveIntoADatabaseWithEmptyCollectionsGoesAhead() {
    String uri = LocalMongo.another(null);
    Tenant moved = tenant(uri);
    DATABASES.of(moved).createCollection("empty");
    storage.prepare(moved);
    Map<String, String> before = contents(db);
    storage.copy(tenant, moved);
    assertEquals(before, contents(DATABASES.of(moved)));
    storage.release(moved);
  }

  @Test
  void aMoveToTheLocalRunsFileStoreCopiesEverythingToo() {
    moveTo(LocalMongo.another(dir.resolve("own.mv.db")));
  }

  private void moveTo(String uri) {
    Map<String, String> before = contents(db);
    Tenant moved = tenant(uri);

    List<Written> written = storage.copy(tenant, moved);

    MongoDatabase there = DATABASES.of(moved);
    assertEquals(before, contents(there));
    assertEquals(before.keySet(), written.stream().map(Written::collection).collect(Collectors.toSet()));
    assertTrue(indexes(there, "farmers").contains("{\"names\": 1}"));
    assertEquals(before, contents(db), "the source is left as it was");

    DomainException again = assertThrows(DomainException.class, () -> storage.copy(tenant, moved));
    assertEquals(Kind.CONFLICT, again.kind(), "never copied over data");
    assertEquals(before, contents(there), "and the refused copy left it alone");
    storage.release(moved);
  }

  @Test
  void aMoveToAnAddressThatDoesNotAnswerFailsClearly() {
    Tenant nowhere = tenant("mongodb://127.0.0.1:9");
    DomainException e = assertThrows(DomainException.class, () -> storage.copy(tenant, nowhere));
    assertEquals(Kind.UPSTREAM, e.kind());
    storage.release(nowhere);
  }

  private Path export(Tenant t) throws IOException {
    Path file = dir.resolve("export.zip");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("tenant.json"));
      zip.write(("{\"id\": \"" + t.id() + "\"}").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      storage.export(t, zip);
    }
    return file;
  }

  private Path zip(Map<String, String> entries) throws IOException {
    Path file = Files.createTempFile(dir, "archive", ".zip");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Per collection: its documents' count and a digest of their bytes in _id order (so every BSON type counts). */
  private static Map<String, String> contents(MongoDatabase db) {
    Map<String, String> all = new java.util.TreeMap<>();
    for (String name : db.listCollectionNames()) {
      java.security.MessageDigest sha = sha256();
      long n = 0;
      for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find().sort(new Document("_id", 1))) {
        java.nio.ByteBuffer b = d.getByteBuffer().asNIO();
        sha.update(b);
        n++;
      }
      all.put(name, n + " " + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16));
    }
    return all;
  }

  private static java.security.MessageDigest sha256() {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> indexes(MongoDatabase db, String collection) {
    return db.getCollection(collection).listIndexes().map(i -> ((Document) i.get("key")).toJson()).into(
        new ArrayList<>());
  }
}
