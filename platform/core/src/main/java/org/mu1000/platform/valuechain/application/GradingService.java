package org.mu1000.platform.valuechain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.registry.application.ReferenceCache;
import org.mu1000.platform.shared.domain.DomainException;
import org.mu1000.platform.shared.domain.Violations;
import org.mu1000.platform.shared.domain.Where;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.valuechain.domain.GradingStandard;
import org.mu1000.platform.valuechain.domain.ValueChainStore;

/** Grading standards per programme: each change is a new version; lots keep the version they were graded with. */
@ApplicationScoped
public class GradingService {
  private ValueChain chain;

  protected GradingService() {}

  @Inject
  public GradingService(ValueChain chain) {
    this.chain = chain;
  }

  public GradingStandard publish(Tenant t, Caller c, String programmeId, GradingStandard input) {
    ValueChain.require(c.mayAdministerTenant(), "only tenant admins define grading standards");
    var programme = chain.registry(t).programme(programmeId)
        .orElseThrow(() -> DomainException.notFound("programme", programmeId));
    for (int attempt = 0; attempt < 5; attempt++) {
      int next = numbers(t, programmeId).stream().findFirst().orElse(0) + 1; // not the cached current one
      GradingStandard s = new GradingStandard(programmeId, next, input.commodity(), input.measures(), input.grades(),
          Instant.now(), c.username());
      Violations v = new Violations();
      v.require(input.commodity() == null || input.commodity().trim().equalsIgnoreCase(programme.commodity().trim()),
          "commodity", "must be the programme's commodity, " + programme.commodity());
      try {
        s.validate();
      } catch (DomainException e) {
        v.addAll("", e.violations());
      }
      v.throwIfAny();
      if (chain.store(t).insert(ValueChainStore.STANDARDS, id(programmeId, next), s)) {
        GradingStandard saved = version(t, programmeId, next);
        latest.put(t.id() + "/" + programmeId, new Latest(saved, System.nanoTime() + ReferenceCache.TTL.toNanos()));
        chain.audit(t, c, "grading-standard.published", "grading-standard", id(programmeId, next), null, saved);
        return saved;
      }
    }
    throw new DomainException(DomainException.Kind.CONFLICT, "someone else is publishing a standard; try again");
  }

  /**
   * The standard lots are graded with now. Intake asks on every delivery, so the latest version is kept: one published
   * through this server replaces it at once; one published through another is found by a read by id (versions are
   * numbered 1, 2, 3… and never deleted, so a newer one is the next id), made at most every
   * {@link ReferenceCache#TTL}.
   */
  public Optional<GradingStandard> current(Tenant t, String programmeId) {
    String key = t.id() + "/" + programmeId;
    Latest known = latest.get(key);
    long now = System.nanoTime();
    if (known != null) {
      if (now - known.checkAgain() < 0) {
        return Optional.of(known.standard());
      }
      if (!chain.store(t).exists(ValueChainStore.STANDARDS, id(programmeId, known.standard().version() + 1))) {
        latest.put(key, new Latest(known.standard(), now + ReferenceCache.TTL.toNanos()));
        return Optional.of(known.standard());
      }
    }
    Optional<GradingStandard> found = numbers(t, programmeId).stream().findFirst()
        .map(n -> version(t, programmeId, n));
    found.ifPresentOrElse(s -> latest.put(key, new Latest(s, now + ReferenceCache.TTL.toNanos())),
        () -> latest.remove(key));
    return found;
  }

  private record Latest(GradingStandard standard, long checkAgain) {}

  private final Map<String, Latest> latest = new java.util.concurrent.ConcurrentHashMap<>();

  public GradingStandard current(Tenant t, Caller c, String programmeId) {
    ValueChain.require(c.mayReadProgrammes(), "your role may not read grading standards");
    return current(t, programmeId).orElseThrow(() -> DomainException.notFound("grading standard of programme",
        programmeId));
  }

  /** Published versions never change, so they are kept once read (a bounded cache per server). */
  private final Map<String, GradingStandard> versions = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GradingStandard> eldest) {
          return size() > 1000;
        }
      });

  public GradingStandard version(Tenant t, String programmeId, int version) {
    String key = t.id() + "/" + id(programmeId, version);
    GradingStandard cached = versions.get(key);
    if (cached != null) {
      return cached;
    }
    GradingStandard s = numbered(chain.store(t).find(ValueChainStore.STANDARDS, id(programmeId, version),
        GradingStandard.class).orElseThrow(() -> DomainException.notFound("grading standard", programmeId + " v"
            + version)), version);
    versions.put(key, s);
    return s;
  }

  /**
   * The stored document's {@code version} field is its optimistic-lock version (always 1: a standard is never
   * updated), which overwrites the record's own; the standard's number is the one in its id.
   */
  private static GradingStandard numbered(GradingStandard s, int version) {
    return s.version() == version ? s : new GradingStandard(s.programmeId(), version, s.commodity(), s.measures(),
        s.grades(), s.createdAt(), s.createdBy());
  }

  /** The numbers of a programme's published versions, newest first (read from the ids). */
  private List<Integer> numbers(Tenant t, String programmeId) {
    List<Integer> out = new java.util.ArrayList<>();
    String prefix = programmeId + ":v";
    for (String id : chain.store(t).ids(ValueChainStore.STANDARDS, Where.eq("programmeId", programmeId))) {
      if (id.startsWith(prefix)) {
        out.add(Integer.parseInt(id.substring(prefix.length())));
      }
    }
    out.sort(java.util.Comparator.reverseOrder());
    return out;
  }

  public List<GradingStandard> versions(Tenant t, Caller c, String programmeId) {
    ValueChain.require(c.mayReadProgrammes(), "your role may not read grading standards");
    return numbers(t, programmeId).stream().map(n -> version(t, programmeId, n)).toList();
  }

  /** What grade these measurements would get now, without recording anything (the intake screen asks as you type). */
  public String preview(Tenant t, Caller c, String programmeId, Map<String, BigDecimal> measurements) {
    return current(t, c, programmeId).grade(measurements);
  }

  static String id(String programmeId, int version) {
    return programmeId + ":v" + version;
  }
}
