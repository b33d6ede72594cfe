package org.mu1000.platform.registry.infrastructure.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.mu1000.platform.kernel.TenantHome;
import org.mu1000.platform.registry.application.importing.ImportRows;
import org.mu1000.platform.registry.application.importing.ImportService;
import org.mu1000.platform.registry.application.importing.ImportStore;
import org.mu1000.platform.shared.domain.Batch;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.shared.infrastructure.mongo.WriteBatch;

/** Import jobs as documents of {@code import_jobs}; uploaded files in the GridFS bucket {@code import_files}. */
@ApplicationScoped
public class MongoImportStore implements ImportStore {
  public static final String JOBS = "import_jobs";
  private static final String FILES = "import_files";

  private TenantDatabases databases;

  protected MongoImportStore() {}

  @Inject
  public MongoImportStore(TenantDatabases databases) {
    this.databases = databases;
  }

  private GridFSBucket files(TenantHome t) {
    return GridFSBuckets.create(databases.of(t), FILES);
  }

  private MongoCollection<Document> jobs(TenantHome t) {
    return databases.of(t).getCollection(JOBS);
  }

  @Override
  public String keepFile(TenantHome t, String fileName, byte[] bytes) {
    return files(t).uploadFromStream(fileName, new ByteArrayInputStream(bytes)).toHexString();
  }

  @Override
  public byte[] file(TenantHome t, String fileId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    files(t).downloadToStream(new ObjectId(fileId), out);
    return out.toByteArray();
  }

  @Override
  public void removeFile(TenantHome t, String fileId) {
    files(t).delete(new ObjectId(fileId));
  }

  @Override
  public void create(TenantHome t, String id, String cooperativeId, String fileName, String format, String fileId,
      String uploadedBy, Date at) {
    jobs(t).insertOne(new Document("_id", id).append("cooperativeId", cooperativeId).append("fileName", fileName)
        .append("format", format).append("status", "validating").append("totalRows", 0).append("processedRows", 0)
        .append("farmersCreated", 0).append("farmersUpdated", 0).append("plotsWritten", 0)
        .append("problems", List.of()).append("fileId", new ObjectId(fileId)).append("uploadedBy", uploadedBy)
        .append("createdAt", at).append("updatedAt", at));
  }

  @Override
  public Optional<Stored> find(TenantHome t, String id) {
    Document d = jobs(t).find(Filters.eq("_id", id)).first();
    if (d == null) {
      return Optional.empty();
    }
    List<ImportRows.Problem> problems = new ArrayList<>();
    for (Document p : d.getList("problems", Document.class, List.of())) {
      problems.add(new ImportRows.Problem(p.getInteger("row"), p.getString("column"), p.getString("message")));
    }
    ImportService.Job job = new ImportService.Job(id, d.getString("cooperativeId"), d.getString("fileName"),
        d.getString("format"), d.getString("status"), d.getInteger("totalRows", 0), d.getInteger("processedRows", 0),
        d.getInteger("farmersCreated", 0), d.getInteger("farmersUpdated", 0), d.getInteger("plotsWritten", 0),
        problems, d.getDate("createdAt"), d.getDate("updatedAt"));
    ObjectId file = d.getObjectId("fileId");
    return Optional.of(new Stored(job, file == null ? null : file.toHexString(),
        Boolean.TRUE.equals(d.getBoolean("validated")), d.getInteger("committedGroups", 0),
        d.getString("committedBy")));
  }

  @Override
  public boolean claimForCommit(TenantHome t, String id, String by, Date at, Date staleBefore) {
    Bson mine = Updates.combine(Updates.set("status", "committing"), Updates.set("updatedAt", at),
        Updates.set("committedBy", by));
    if (jobs(t).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("validated", true),
        Filters.eq("status", "validated")), Updates.combine(mine, Updates.set("processedRows", 0),
            Updates.set("committedGroups", 0))).getModifiedCount() == 1) {
      return true;
    }
    return jobs(t).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("validated", true), Filters.or(
        Filters.eq("status", "failed"), Filters.and(Filters.eq("status", "committing"),
            Filters.lt("updatedAt", staleBefore)))), mine).getModifiedCount() == 1;
  }

  @Override
  public List<String> interrupted(TenantHome t, Date staleBefore) {
    List<String> ids = new ArrayList<>();
    jobs(t).find(Filters.and(Filters.eq("status", "committing"), Filters.lt("updatedAt", staleBefore)))
        .projection(new Document("_id", 1)).forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  @Override
  public void update(Batch batch, TenantHome t, String id, Map<String, Object> fields, Date at) {
    WriteBatch.of(batch).updateIf(databases.of(t).getName(), JOBS, Filters.eq("_id", id), changes(fields, null, at));
  }

  @Override
  public void update(TenantHome t, String id, Map<String, Object> fields, ImportRows.Problem appended, Date at) {
    jobs(t).updateOne(Filters.eq("_id", id), changes(fields, appended, at));
  }

  private static Bson changes(Map<String, Object> fields, ImportRows.Problem appended, Date at) {
    List<Bson> set = new ArrayList<>();
    fields.forEach((k, v) -> {
      if (!PROGRESS.contains(k)) {
        throw new IllegalArgumentException("not a field of an import job: " + k);
      }
      set.add(Updates.set(k, k.equals("problems") ? problems(v) : v));
    });
    if (appended != null) {
      set.add(Updates.push("problems", problem(appended)));
    }
    set.add(Updates.set("updatedAt", at));
    return Updates.combine(set);
  }

  private static List<Document> problems(Object v) {
    List<Document> out = new ArrayList<>();
    for (Object p : (List<?>) v) {
      out.add(problem((ImportRows.Problem) p));
    }
    return out;
  }

  private static Document problem(ImportRows.Problem p) {
    return new Document("row", p.row()).append("column", p.column()).append("message", p.message());
  }
}
