package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.ClientBulkWriteException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.bulk.ClientBulkWriteOptions;
import com.mongodb.client.model.bulk.ClientNamespacedWriteModel;
import com.mongodb.client.model.bulk.ClientUpdateOneOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mu1000.platform.shared.domain.Batch;

/**
 * Writes that go to the server together and in order: one round trip for any collections and databases of one
 * deployment (MongoDB 8's {@code bulkWrite} command, which the embedded wire server has too), or one write after
 * another against an older server. Like the writes sent one by one, they are not a transaction: the first that fails
 * stops the rest, the ones before it stay, and {@link Failed} says which one it was.
 */
public final class WriteBatch implements Batch {
  /** MongoDB's "no such command": a server older than 8.0. */
  private static final int COMMAND_NOT_FOUND = 59;

  private record Write(MongoNamespace namespace, Bson document, Bson filter, Bson update, boolean upsert) {}

  private final MongoClient client;
  private final AtomicBoolean oneByOne;
  private final List<Write> writes = new ArrayList<>();
  private int unmatched = -1;
  private boolean resumed;

  /** {@code oneByOne} is shared by every batch of the client: set once the server turns out to lack bulkWrite. */
  WriteBatch(MongoClient client, AtomicBoolean oneByOne) {
    this.client = client;
    this.oneByOne = oneByOne;
  }

  /** Inserts a document (in a {@link #resumed} batch: unless one with its id exists); returns its position. */
  public int insert(String database, String collection, Bson document) {
    if (resumed) {
      return insertOnce(database, collection, document);
    }
    writes.add(new Write(new MongoNamespace(database, collection), document, null, null, false));
    return writes.size() - 1;
  }

  @Override
  public void resumed() {
    resumed = true;
  }

  @Override
  public boolean isResumed() {
    return resumed;
  }

  /**
   * Inserts a document unless one with its id exists (then it stays as it is): a write made again after an
   * interruption changes nothing. Returns its position.
   */
  public int insertOnce(String database, String collection, Bson document) {
    BsonDocument fields = document.toBsonDocument(BsonDocument.class, client.getCodecRegistry()).clone();
    BsonValue id = fields.remove("_id");
    return upsert(database, collection, new BsonDocument("_id", id), new BsonDocument("$setOnInsert", fields));
  }

  /** Updates the one document the filter matches, creating it if there is none; returns its position. */
  public int upsert(String database, String collection, Bson filter, Bson update) {
    writes.add(new Write(new MongoNamespace(database, collection), null, filter, update, true));
    return writes.size() - 1;
  }

  /**
   * Updates the one document the filter matches, if one does (a compare-and-set); returns its position. Whether all
   * such updates matched is {@link #allMatched}'s to say once the batch is written.
   */
  public int updateIf(String database, String collection, Bson filter, Bson update) {
    writes.add(new Write(new MongoNamespace(database, collection), null, filter, update, false));
    return writes.size() - 1;
  }

  /** After {@link #execute}: whether every {@link #updateIf} found its document. */
  @Override
  public boolean allMatched() {
    if (unmatched < 0) {
      throw new IllegalStateException("the batch has not been written");
    }
    return unmatched == 0;
  }

  @Override
  public int size() {
    return writes.size();
  }

  /** Sends the writes. Throws {@link Failed} for the first write the server refused; none after it was applied. */
  @Override
  public void execute() {
    if (writes.isEmpty()) {
      unmatched = 0;
      return;
    }
    if (!oneByOne.get()) {
      try {
        var done = client.bulkWrite(models(), ClientBulkWriteOptions.clientBulkWriteOptions().ordered(true));
        // every update matched a document or created one, but for the conditional ones that found none
        long updates = writes.stream().filter(w -> w.document() == null).count();
        unmatched = (int) (updates - done.getMatchedCount() - done.getUpsertedCount());
        return;
      } catch (ClientBulkWriteException e) {
        Map<Integer, WriteError> errors = e.getWriteErrors();
        if (!errors.isEmpty()) {
          int first = errors.keySet().stream().mapToInt(Integer::intValue).min().getAsInt();
          WriteError error = errors.get(first);
          throw failed(first, ErrorCategory.fromErrorCode(error.getCode()), error.getMessage(), e);
        }
        if (!(e.getCause() instanceof MongoCommandException c && c.getErrorCode() == COMMAND_NOT_FOUND)) {
          throw e;
        }
        oneByOne.set(true);
      } catch (MongoCommandException e) {
        if (e.getErrorCode() != COMMAND_NOT_FOUND) {
          throw e;
        }
        oneByOne.set(true); // nothing was written: the server refused the command as a whole
      }
    }
    int missed = 0;
    for (int i = 0; i < writes.size(); i++) {
      Write w = writes.get(i);
      MongoCollection<Document> coll = client.getDatabase(w.namespace().getDatabaseName())
          .getCollection(w.namespace().getCollectionName());
      try {
        if (w.document() != null) {
          coll.withDocumentClass(BsonDocument.class).insertOne(w.document().toBsonDocument(BsonDocument.class,
              coll.getCodecRegistry()));
        } else if (coll.updateOne(w.filter(), w.update(), new UpdateOptions().upsert(w.upsert()))
            .getMatchedCount() == 0 && !w.upsert()) {
          missed++;
        }
      } catch (MongoWriteException e) {
        throw failed(i, e.getError().getCategory(), e.getError().getMessage(), e);
      }
    }
    unmatched = missed;
  }

  private List<ClientNamespacedWriteModel> models() {
    List<ClientNamespacedWriteModel> out = new ArrayList<>(writes.size());
    for (Write w : writes) {
      out.add(w.document() != null ? ClientNamespacedWriteModel.insertOne(w.namespace(), w.document())
          : ClientNamespacedWriteModel.updateOne(w.namespace(), w.filter(), w.update(),
              ClientUpdateOneOptions.clientUpdateOneOptions().upsert(w.upsert())));
    }
    return out;
  }

  /** The batch a repository was handed: one of this store's (a batch of another store here is a wiring error). */
  public static WriteBatch of(Batch batch) {
    if (batch instanceof WriteBatch w) {
      return w;
    }
    throw new IllegalArgumentException("not a batch of the MongoDB store: " + batch);
  }

  private static Failed failed(int index, ErrorCategory category, String message, Throwable cause) {
    return new Failed(index, category == ErrorCategory.DUPLICATE_KEY, message, cause);
  }
}
