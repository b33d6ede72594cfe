package org.mu1000.platform.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Programmes and cooperatives as intake reads them on every delivery (the season, the target, the collection point's
 * name and region). They change seldom, so they are kept for a few seconds: a change made through this server is seen
 * at once ({@link OrganisationService} forgets the entry), one made through another server within {@link #TTL}.
 */
@ApplicationScoped
public class ReferenceCache {
  public static final Duration TTL = Duration.ofSeconds(5);
  private static final int MAX_ENTRIES = 10_000;

  private record Entry(Object value, long until) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private Registry registry;

  protected ReferenceCache() {}

  @Inject
  public ReferenceCache(Registry registry) {
    this.registry = registry;
  }

  public Optional<Programme> programme(Tenant t, String id) {
    return get(t, "programme", id, Programme.class, () -> registry.repository(t).programme(id));
  }

  public Optional<Cooperative> cooperative(Tenant t, String id) {
    return get(t, "cooperative", id, Cooperative.class, () -> registry.repository(t).cooperative(id));
  }

  /** Called on every change to a programme or cooperative through this server. */
  public void forget(Tenant t, String kind, String id) {
    entries.remove(key(t, kind, id));
  }

  private <T> Optional<T> get(Tenant t, String kind, String id, Class<T> type, Supplier<Optional<T>> read) {
    if (id == null) {
      return Optional.empty();
    }
    String key = key(t, kind, id);
    long now = System.nanoTime();
    Entry e = entries.get(key);
    if (e != null && now - e.until() < 0) {
      return Optional.of(type.cast(e.value()));
    }
    Optional<T> fresh = read.get();
    if (fresh.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(key, new Entry(fresh.get(), now + TTL.toNanos()));
    } else {
      entries.remove(key);
    }
    return fresh;
  }

  private static String key(Tenant t, String kind, String id) {
    return t.id() + "/" + kind + "/" + id;
  }
}
