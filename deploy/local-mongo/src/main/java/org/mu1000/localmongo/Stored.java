package org.mu1000.localmongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A document as the H2 store holds it, with its BSON once a commit has written it. A commit writes every page that
 * changed whole, so one update re-encodes the ten or so documents around it; unchanged, they are written from these
 * bytes (encoding documents that had not changed took a quarter of the server's time under intake). A document is
 * changed only in place followed by a put, which holds it as a new {@code Stored}: bytes encoded from the one it
 * replaces, even while the change was under way, belong to versions of the store before the put. Until 2026-11-29
 * the bytes were kept in a map by the document's identity: the map's upkeep (a weak reference per document, resized
 * as it grew) cost a quarter of the server's time under intake.
 */
final class Stored {
  static final java.util.concurrent.atomic.LongAdder ENCODINGS = new java.util.concurrent.atomic.LongAdder();

  final Document document;
  private volatile byte[] bson;

  Stored(Document document) {
    this.document = document;
  }

  /** The document's BSON, encoded now unless known; null when BSON cannot carry it. */
  byte[] bson() {
    byte[] known = bson;
    if (known == null) {
      ENCODINGS.increment();
      known = BsonValues.bson(document);
      bson = known;
    }
    return known;
  }
}
