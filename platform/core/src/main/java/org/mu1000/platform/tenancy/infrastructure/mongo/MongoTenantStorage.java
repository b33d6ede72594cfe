package org.mu1000.platform.tenancy.infrastructure.mongo;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.mu1000.platform.shared.infrastructure.mongo.TenantDatabases;
import org.mu1000.platform.tenancy.application.TenantStorage;
import org.mu1000.platform.tenancy.domain.Tenant;

/** A tenant's MongoDB database: indexes declared by every context, export as relaxed extended JSON. */
@ApplicationScoped
public class MongoTenantStorage implements TenantStorage {
  private static final JsonWriterSettings JSONL = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

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
      zip.putNextEntry(new ZipEntry(name + ".jsonl"));
      for (Document d : db.getCollection(name).find()) {
        zip.write(d.toJson(JSONL).getBytes(StandardCharsets.UTF_8));
        zip.write('\n');
      }
      zip.closeEntry();
    }
  }

  @Override
  public void drop(Tenant tenant, boolean lastOnDeployment) {
    databases.drop(tenant);
    if (lastOnDeployment && !databases.sharesControlPlane(tenant)) {
      databases.release(tenant.deployment());
    }
  }
}
