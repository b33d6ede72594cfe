package org.mu1000.localmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * MongoDB 8's {@code bulkWrite} admin command for the embedded wire server: inserts, updates and deletes on any
 * collections of any databases in one round trip. Each write runs as the backend's own {@code insert}, {@code update}
 * or {@code delete} command with one statement, so it behaves exactly as if it had been sent alone; an ordered batch
 * stops at its first failed write. The reply has the shape MongoDB 8 gives (counts, and a cursor of per-write results:
 * failures only, or every write with {@code errorsOnly: false}).
 */
final class BulkWriteCommand {
  static final String NAME = "bulkWrite";

  /** Runs one command of the backend, as the wire protocol would: database, command name, command document. */
  @FunctionalInterface
  interface Backend {
    Document command(String database, String command, Document query);
  }

  private BulkWriteCommand() {}

  /** Answers the message if it is this command; any other message goes to {@code otherwise}. */
  static Document answer(MongoMessage message, MongoBackend backend, Function<MongoMessage, Document> otherwise) {
    return handles(message)
        ? run(message.getDocument(), (db, c, q) -> backend.handleCommand(message.getChannel(), db, c, q))
        : otherwise.apply(message);
  }

  /** Whether the message is this command (sent, as MongoDB requires, to the admin database). */
  private static boolean handles(MongoMessage message) {
    Document query = message.getDocument();
    return "admin".equals(message.getDatabaseName()) && !query.isEmpty()
        && NAME.equalsIgnoreCase(query.keySet().iterator().next());
  }

  @SuppressWarnings("unchecked")
  static Document run(Document query, Backend backend) {
    List<Document> ops = (List<Document>) query.get("ops");
    List<Document> nsInfo = (List<Document>) query.get("nsInfo");
    if (ops == null || nsInfo == null || ops.isEmpty() || nsInfo.isEmpty()) {
      return failure(9, "FailedToParse", "bulkWrite needs non-empty 'ops' and 'nsInfo'");
    }
    boolean ordered = !Boolean.FALSE.equals(query.get("ordered"));
    boolean errorsOnly = !Boolean.FALSE.equals(query.get("errorsOnly"));
    int errors = 0;
    int inserted = 0;
    int upserted = 0;
    int matched = 0;
    int modified = 0;
    int deleted = 0;
    // the whole command is checked before any write runs, as MongoDB does: a malformed op fails it untouched
    String[][] targets = new String[ops.size()][];
    for (int idx = 0; idx < ops.size(); idx++) {
      Document op = ops.get(idx);
      String kind = op.isEmpty() ? "" : op.keySet().iterator().next();
      if (!List.of("insert", "update", "delete").contains(kind)) {
        return failure(9, "FailedToParse", "op " + idx + " is not an insert, update or delete: " + kind);
      }
      Object at = op.get(kind);
      if (!(at instanceof Number n) || n.intValue() < 0 || n.intValue() >= nsInfo.size()) {
        return failure(9, "FailedToParse", "op " + idx + " names no namespace of 'nsInfo'");
      }
      String ns = String.valueOf(nsInfo.get(n.intValue()).get("ns"));
      int dot = ns.indexOf('.');
      if (dot <= 0 || dot == ns.length() - 1) {
        return failure(73, "InvalidNamespace", "invalid namespace '" + ns + "'");
      }
      targets[idx] = new String[] {kind, ns.substring(0, dot), ns.substring(dot + 1)};
    }
    List<Document> results = new ArrayList<>();
    for (int idx = 0; idx < ops.size(); idx++) {
      Document op = ops.get(idx);
      String kind = targets[idx][0];
      String database = targets[idx][1];
      String collection = targets[idx][2];
      Document reply;
      try {
        reply = one(backend, kind, op, database, collection);
      } catch (MongoServerException e) {
        reply = failure(e instanceof MongoServerError m ? m.getCode() : 1,
            e instanceof MongoServerError m ? m.getCodeName() : null, e.getMessageWithoutErrorCode());
      }
      Document result = new Document("ok", 1.0);
      result.put("idx", idx);
      Document error = firstWriteError(reply);
      if (error != null) {
        errors++;
        result.put("ok", 0.0);
        result.put("code", ((Number) error.getOrDefault("code", 1)).intValue());
        result.put("errmsg", String.valueOf(error.getOrDefault("errmsg", "write failed")));
        if (error.get("codeName") != null) {
          result.put("codeName", error.get("codeName"));
        }
        results.add(result);
        if (ordered) {
          break;
        }
        continue;
      }
      int count = ((Number) reply.getOrDefault("n", 0)).intValue();
      result.put("n", count);
      switch (kind) {
        case "insert" -> inserted++;
        case "update" -> {
          List<Document> up = (List<Document>) reply.get("upserted");
          int nModified = ((Number) reply.getOrDefault("nModified", 0)).intValue();
          result.put("nModified", nModified);
          if (up != null && !up.isEmpty()) {
            upserted++;
            result.put("upserted", new Document("_id", up.get(0).get("_id")));
          } else {
            matched += count;
          }
          modified += nModified;
        }
        default -> deleted += count;
      }
      if (!errorsOnly) {
        results.add(result);
      }
    }
    Document cursor = new Document("id", 0L);
    cursor.put("firstBatch", results);
    cursor.put("ns", "admin.$cmd.bulkWrite");
    Document out = new Document("cursor", cursor);
    out.put("nErrors", errors);
    out.put("nInserted", inserted);
    out.put("nUpserted", upserted);
    out.put("nMatched", matched);
    out.put("nModified", modified);
    out.put("nDeleted", deleted);
    out.put("ok", 1.0);
    return out;
  }

  private static Document one(Backend backend, String kind, Document op, String database, String collection) {
    switch (kind) {
      case "insert" -> {
        Document cmd = new Document("insert", collection);
        cmd.put("documents", List.of(op.get("document")));
        cmd.put("ordered", Boolean.TRUE);
        return backend.command(database, "insert", cmd);
      }
      case "update" -> {
        Document statement = new Document("q", op.getOrDefault("filter", new Document()));
        statement.put("u", op.get("updateMods"));
        statement.put("multi", Boolean.TRUE.equals(op.get("multi")));
        statement.put("upsert", Boolean.TRUE.equals(op.get("upsert")));
        if (op.containsKey("arrayFilters")) {
          statement.put("arrayFilters", op.get("arrayFilters"));
        }
        Document cmd = new Document("update", collection);
        cmd.put("updates", List.of(statement));
        cmd.put("ordered", Boolean.TRUE);
        return backend.command(database, "update", cmd);
      }
      default -> {
        Document statement = new Document("q", op.getOrDefault("filter", new Document()));
        statement.put("limit", Boolean.TRUE.equals(op.get("multi")) ? 0 : 1);
        Document cmd = new Document("delete", collection);
        cmd.put("deletes", List.of(statement));
        cmd.put("ordered", Boolean.TRUE);
        return backend.command(database, "delete", cmd);
      }
    }
  }

  /** A write's error: the backend reports one as {@code writeErrors} of an ok reply, or as a failed reply. */
  @SuppressWarnings("unchecked")
  private static Document firstWriteError(Document reply) {
    List<Document> writeErrors = (List<Document>) reply.get("writeErrors");
    if (writeErrors != null && !writeErrors.isEmpty()) {
      return writeErrors.get(0);
    }
    Object ok = reply.get("ok");
    if (ok instanceof Number n && n.doubleValue() != 1.0) {
      return reply;
    }
    return null;
  }

  private static Document failure(int code, String name, String message) {
    Document out = new Document("ok", 0.0);
    out.put("errmsg", message);
    out.put("code", code);
    out.put("codeName", name);
    return out;
  }
}
