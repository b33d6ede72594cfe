package org.mu1000.platform.tenancy.infrastructure.mongo;

import com.mongodb.MongoException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bson.BsonInvalidOperationException;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;
import org.mu1000.platform.shared.domain.DomainException.Kind;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.application.TenantStorage;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * A tenant's MongoDB database: indexes declared by every context; export as canonical extended JSON, which keeps
 * every BSON type (decimals, dates, 64-bit integers), so that a restore gives back exactly what was exported.
 */
@ApplicationScoped
public class MongoTenantStorage implements TenantStorage {
  private static final JsonWriterSettings JSONL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
  private static final String CONFIG_ENTRY = "tenant.json";
  private static final String SUFFIX = ".jsonl";
  private static final String STAGING = "restore.";
  private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,100}");
  private static final int BATCH = 1_000;

  private TenantDatabases databases;

  protected MongoTenantStorage() {}

  @Inject
  public MongoTenantStorage(TenantDatabases databases) {
    this.databases = databases;
  }

  @Override
  public void prepare(Tenant tenant) {
    databases.createIndexes(tenant);
  }

  @Override
  public void export(Tenant tenant, ZipOutputStream zip) throws IOException {
    MongoDatabase db = databases.of(tenant);
    for (String name : db.listCollectionNames()) {
      if (name.startsWith(STAGING)) {
        continue;
      }
      zip.putNextEntry(new ZipEntry(name + SUFFIX));
      for (RawBsonDocument d : db.getCollection(name, RawBsonDocument.class).find()) {
        zip.write(d.toJson(JSONL).getBytes(StandardCharsets.UTF_8));
        zip.write('\n');
      }
      zip.closeEntry();
    }
  }

  @Override
  public List<Written> restore(Tenant tenant, Path archive) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
      List<ZipEntry> collections = check(tenant, zip);
      MongoDatabase db = databases.of(tenant);
      List<Written> written = new ArrayList<>();
      for (ZipEntry e : collections) {
        String name = collectionOf(e);
        MongoCollection<RawBsonDocument> staged = db.getCollection(STAGING + name, RawBsonDocument.class);
        staged.drop();
        List<RawBsonDocument> batch = new ArrayList<>(BATCH);
        long[] count = {0};
        lines(zip, e, line -> {
          batch.add(RawBsonDocument.parse(line));
          if (batch.size() == BATCH) {
            staged.insertMany(batch);
            count[0] += batch.size();
            batch.clear();
          }
        });
        if (!batch.isEmpty()) {
          staged.insertMany(batch);
          count[0] += batch.size();
        }
        written.add(new Written(name, count[0]));
      }
      Set<String> restored = new LinkedHashSet<>();
      for (Written w : written) {
        MongoCollection<RawBsonDocument> staged = db.getCollection(STAGING + w.collection(), RawBsonDocument.class);
        if (w.documents() == 0) { // nothing was staged
          staged.drop();
          db.getCollection(w.collection()).drop();
          db.createCollection(w.collection());
        } else {
          staged.renameCollection(new MongoNamespace(db.getName(), w.collection()),
              new RenameCollectionOptions().dropTarget(true));
        }
        restored.add(w.collection());
      }
      for (String name : db.listCollectionNames()) {
        if (!restored.contains(name) && !name.startsWith(STAGING)) {
          db.getCollection(name).drop(); // created after the export was taken
        }
      }
      databases.createIndexes(tenant);
      return written;
    } catch (ZipException e) {
      throw DomainException.invalid("archive", "is not a zip file: " + e.getMessage());
    }
  }

  /** Reads every line of the archive once; nothing is written unless all of it is a restorable export. */
  private static List<ZipEntry> check(Tenant tenant, ZipFile zip) throws IOException {
    ZipEntry config = zip.getEntry(CONFIG_ENTRY);
    if (config == null) {
      throw DomainException.invalid("archive", "has no " + CONFIG_ENTRY + "; give a tenant export");
    }
    String id;
    try {
      id = Document.parse(new String(zip.getInputStream(config).readAllBytes(), StandardCharsets.UTF_8))
          .getString("id");
    } catch (JsonParseException | ClassCastException e) {
      throw DomainException.invalid("archive", CONFIG_ENTRY + " is not a tenant configuration");
    }
    if (!tenant.id().equals(id)) {
      throw new DomainException(Kind.UNPROCESSABLE, "the archive is an export of tenant " + id + ", not of "
          + tenant.id());
    }
    List<ZipEntry> collections = new ArrayList<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      if (e.getName().equals(CONFIG_ENTRY)) {
        continue;
      }
      String name = collectionOf(e);
      if (!e.getName().endsWith(SUFFIX) || !COLLECTION.matcher(name).matches() || name.startsWith("system.")
          || name.startsWith(STAGING)) {
        throw DomainException.invalid("archive", "entry " + e.getName() + " is not a collection of an export");
      }
      lines(zip, e, RawBsonDocument::parse);
      collections.add(e);
    }
    return collections;
  }

  private static void lines(ZipFile zip, ZipEntry e, Consumer<String> each) throws IOException {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line; (line = in.readLine()) != null; ) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          each.accept(line);
        } catch (JsonParseException | BsonInvalidOperationException ex) {
          throw DomainException.invalid("archive", e.getName() + " line " + n + " is not a document in extended JSON: "
              + ex.getMessage());
        }
      }
    }
  }

  private static String collectionOf(ZipEntry e) {
    String name = e.getName();
    return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
  }

  @Override
  public List<Written> copy(Tenant tenant, Tenant target) {
    MongoDatabase from = databases.of(tenant);
    MongoDatabase to = databases.of(target);
    Set<String> there = new LinkedHashSet<>();
    try {
      for (String name : to.listCollectionNames().into(there)) {
        if (to.getCollection(name).estimatedDocumentCount() > 0) {
          throw new DomainException(Kind.CONFLICT, "the database " + to.getName()
              + " at the new address holds data already (" + name + "); give an empty one");
        }
      }
    } catch (MongoException e) {
      throw new DomainException(Kind.UPSTREAM, "the MongoDB at the new address cannot be used: " + e.getMessage());
    }
    try {
      List<Written> written = new ArrayList<>();
      for (String name : from.listCollectionNames()) {
        if (!name.startsWith(STAGING)) {
          long copied = copy(from.getCollection(name, RawBsonDocument.class), to.getCollection(name,
              RawBsonDocument.class));
          if (copied == 0 && !there.contains(name)) {
            to.createCollection(name);
          }
          written.add(new Written(name, copied));
        }
      }
      databases.createIndexes(target);
      return written;
    } catch (RuntimeException e) {
      try {
        to.drop(); // it was empty: a second attempt starts clean
      } catch (MongoException ignored) {
        // unreachable: nothing to clean
      }
      throw e instanceof MongoException ? new DomainException(Kind.UPSTREAM, "copying to the new address failed: "
          + e.getMessage()) : e;
    }
  }

  private static long copy(MongoCollection<RawBsonDocument> from, MongoCollection<RawBsonDocument> into) {
    List<RawBsonDocument> batch = new ArrayList<>(BATCH);
    for (RawBsonDocument d : from.find()) {
      batch.add(d);
      if (batch.size() == BATCH) {
        into.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      into.insertMany(batch);
    }
    long source = from.countDocuments();
    long copied = into.countDocuments();
    if (source != copied) {
      throw new DomainException(Kind.CONFLICT, from.getNamespace().getCollectionName() + ": " + copied + " of "
          + source + " documents arrived at the new address; was the tenant written to during the move?");
    }
    return copied;
  }

  @Override
  public void drop(Tenant tenant, boolean lastOnDeployment) {
    databases.drop(tenant);
    if (lastOnDeployment && !databases.sharesControlPlane(tenant)) {
      databases.release(tenant.deployment());
    }
  }

  @Override
  public void release(Tenant target) {
    if (!databases.sharesControlPlane(target)) {
      databases.release(target.deployment());
    }
  }
}
