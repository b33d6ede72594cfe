package org.mu1000.platform.shared.domain;

import java.util.List;
import java.util.Optional;

/**
 * Port: a context's records in one tenant's store, kept by kind (lots, payouts, ...), each with its id and a version
 * that every replace checks, so two writers never silently overwrite each other.
 */
public interface Records {
  <T> Optional<T> find(String kind, String id, Class<T> type);

  boolean exists(String kind, String id);

  /** The record, or a 404 naming {@code what} (e.g. "lot"). */
  default <T> T get(String kind, String id, Class<T> type, String what) {
    return find(kind, id, type).orElseThrow(() -> DomainException.notFound(what, id));
  }

  /** Stores a new record at version 1; false when the id is taken. */
  boolean insert(String kind, String id, Object record);

  /** Adds the insert of a new record (at version 1) to a batch of this store's deployment. */
  void insert(Batch batch, String kind, String id, Object record);

  /** Replaces the record if nobody changed it since {@code expected}; the stored record has the next version. */
  <T> Optional<T> replace(String kind, String id, Object record, long expected, Class<T> type);

  /**
   * Stores {@code record} under {@code id} whether or not one is there: inserted, or replacing the one read (read
   * again and retried when someone changed it meanwhile). False when it kept changing.
   */
  default <T> boolean put(String kind, String id, Object record, Class<T> type,
      java.util.function.ToLongFunction<T> version) {
    for (int i = 0; i < 3; i++) {
      Optional<T> old = find(kind, id, type);
      if (old.isEmpty() ? insert(kind, id, record)
          : replace(kind, id, record, version.applyAsLong(old.get()), type).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** The records that match, in order ({@code null}: by id), {@code limit} 0 meaning all. */
  <T> List<T> list(String kind, Where where, Where.Order order, int skip, int limit, Class<T> type);

  long count(String kind, Where where);

  default <T> List<T> byIds(String kind, List<String> ids, Class<T> type) {
    return list(kind, Where.in("id", ids), null, 0, 0, type);
  }

  /** The ids of the records that match. */
  List<String> ids(String kind, Where where);

  /**
   * The records that match read one after another as the caller goes, with only the named fields (the others null,
   * so every primitive component must be named): for passes over millions of records.
   */
  <T> Iterable<T> scan(String kind, Where where, List<String> fields, Class<T> type);

}
