package org.mu1000.platform.shared.infrastructure.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mu1000.localmongo.EmbeddedBackends;

/** The clients of tenants on deployments of their own: opened on first use, closed when released. */
class MongoTest {
  private static void write(WriteBatch batch, String id) {
    batch.insert("mt_in_country", "lots", new Document("_id", id));
    batch.execute();
  }

  @Test
  void aReleasedDeploymentsClientIsClosedAndTheNextUseOpensANewOne() {
    MongoServer server = new MongoServer(EmbeddedBackends.memory());
    InetSocketAddress at = server.bind();
    Mongo mongo = Mongo.connect("mongodb://127.0.0.1:" + at.getPort(), "mt");
    try {
      String own = "mongodb://127.0.0.1:" + at.getPort() + "/?appName=own-deployment";
      MongoCollection<Document> lots = mongo.tenantDatabase("in-country", own).getCollection("lots");
      lots.insertOne(new Document("_id", "lt1"));
      write(mongo.batch(own), "lt2");

      mongo.release(own);
      assertThrows(IllegalStateException.class, lots::countDocuments, "the released client is closed");
      assertEquals(2, mongo.tenantDatabase("in-country", own).getCollection("lots").countDocuments());
      write(mongo.batch(own), "lt3");
      assertEquals(3, mongo.tenantDatabase("in-country", own).getCollection("lots").countDocuments());

      mongo.release(null);
      mongo.release("mongodb://127.0.0.1:1/?appName=never-opened");
      assertEquals(1, mongo.controlPlane().runCommand(new Document("ping", 1)).get("ok", Number.class).intValue(),
          "releasing nothing leaves the platform's client alone");
    } finally {
      mongo.close();
      server.shutdownNow();
    }
  }
}
