package org.mu1000.platform.shared.infrastructure.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.mu1000.platform.shared.domain.Where;

/** A query of the application ({@link Where}) as the driver's filter and sort; a record's id is the document's _id. */
public final class Queries {
  private Queries() {}

  /** The filter of a query; null (every document) for none. */
  public static Bson filter(Where where) {
    if (where == null) {
      return null;
    }
    if (where instanceof Where.Eq e) {
      return Filters.eq(field(e.field()), e.value());
    }
    if (where instanceof Where.In i) {
      return Filters.in(field(i.field()), i.values());
    }
    if (where instanceof Where.Between b) {
      return range(field(b.field()), b.from(), b.to());
    }
    List<Bson> parts = new ArrayList<>();
    for (Where p : ((Where.All) where).parts()) {
      Bson part = filter(p);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : Filters.and(parts);
  }

  private static Bson range(String field, Object from, Object to) {
    if (from != null && to != null) {
      return Filters.and(Filters.gte(field, from), Filters.lte(field, to));
    }
    return from != null ? Filters.gte(field, from) : to != null ? Filters.lte(field, to) : null;
  }

  /** The sort of an order; by _id when none is given. */
  public static Bson sort(Where.Order order) {
    if (order == null) {
      return Sorts.ascending("_id");
    }
    return order.ascending() ? Sorts.ascending(field(order.field())) : Sorts.descending(field(order.field()));
  }

  private static String field(String name) {
    return name.equals("id") ? "_id" : name;
  }
}
