package org.mu1000.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.mu1000.platform.impact.application.FundingService;
import org.mu1000.platform.impact.domain.Funding;
import org.mu1000.platform.impact.domain.ReportingOrg;
import org.mu1000.platform.kernel.Caller;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.application.FarmerInput;
import org.mu1000.platform.registry.application.FarmerService;
import org.mu1000.platform.registry.application.OrganisationService;
import org.mu1000.platform.registry.application.PlotService;
import org.mu1000.platform.registry.application.Registry;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.RegistryRepository;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.tenancy.application.DemoData;
import org.mu1000.platform.tenancy.domain.Tenant;

/**
 * Loads a template's demo registry through the same services the API uses. Deterministic (seeded) and idempotent:
 * organisations have fixed ids and farmers fixed external ids, so a second run adds nothing.
 */
@ApplicationScoped
public class DemoDataSeeder implements DemoData {
  private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());
  static final Caller SYSTEM = new Caller("system", "system", Set.of(Caller.PLATFORM_ADMIN), Set.of(), Set.of());

  private YamlTenantTemplates templates;
  private OrganisationService orgs;
  private FarmerService farmers;
  private PlotService plots;
  private Registry registry;
  private org.mu1000.platform.valuechain.application.GradingService grading;
  private DemoHarvests harvests;
  private FundingService funding;

  protected DemoDataSeeder() {}

  @Inject
  public DemoDataSeeder(YamlTenantTemplates templates, OrganisationService orgs, FarmerService farmers,
      PlotService plots, Registry registry, org.mu1000.platform.valuechain.application.GradingService grading,
      DemoHarvests harvests, FundingService funding) {
    this.funding = funding;
    this.grading = grading;
    this.harvests = harvests;
    this.templates = templates;
    this.orgs = orgs;
    this.farmers = farmers;
    this.plots = plots;
    this.registry = registry;
  }

  @Override
  public void seed(Tenant t) {
    TemplateFile.Demo demo = templates.file(t.id()).map(TemplateFile::demo).orElse(null);
    if (demo == null) {
      return;
    }
    RegistryRepository repo = registry.repository(t);
    for (TemplateFile.DemoProgramme p : demo.programmes()) {
      if (repo.programme(p.id()).isEmpty()) {
        orgs.create(t, SYSTEM, new Programme(p.id(), p.name(), p.commodity(), p.seasonStart(), p.seasonEnd(),
            p.targetUsdPerMu(), p.baselineUsdPerMu(), p.cooperativeFeePercent(), 0));
      }
      if (grading.current(t, p.id()).isEmpty()) {
        // prices in the tenant currency: Rwandan franc figures converted at the template's first FX rate
        java.math.BigDecimal factor = t.config().fxRates().isEmpty() ? java.math.BigDecimal.ONE
            : t.config().fxRates().get(0).rate().divide(new java.math.BigDecimal("1385.50"), 6,
                java.math.RoundingMode.HALF_EVEN);
        grading.publish(t, SYSTEM, p.id(), DemoStandards.forCommodity(p.commodity(), factor,
            p.seasonStart() == null ? java.time.LocalDate.of(2025, 1, 1) : p.seasonStart().minusYears(1)));
      }
    }
    for (TemplateFile.DemoFunding f : demo.funding()) {
      if (funding.funding(t, SYSTEM, f.programme()).isEmpty()) {
        funding.fund(t, SYSTEM, new Funding(null, f.programme(), f.funderName(), f.funderRef(), f.funderType(),
            f.amount(), f.currency(), f.start(), f.end(), f.donors(), 0));
      }
    }
    if (demo.iatiPublisher() != null && funding.publisher(t).isEmpty()) {
      funding.setPublisher(t, SYSTEM, new ReportingOrg(null, demo.iatiPublisher().ref(), demo.iatiPublisher().name(),
          demo.iatiPublisher().type(), 0));
    }
    for (TemplateFile.DemoCoop c : demo.cooperatives()) {
      if (repo.cooperative(c.id()).isEmpty()) {
        orgs.create(t, SYSTEM, new Cooperative(c.id(), c.name(), c.registrationNumber(), c.district(), c.region(),
            List.of(new Cooperative.CollectionPoint(c.point(), c.latitude(), c.longitude())), c.certifications(), 0));
      }
    }
    Random rnd = new Random(demo.seed());
    int total = demo.cooperatives().stream().mapToInt(TemplateFile.DemoCoop::share).sum();
    int n = 0;
    int created = 0;
    for (TemplateFile.DemoCoop c : demo.cooperatives()) {
      int count = Math.round((float) demo.farmers() * c.share() / total);
      for (int i = 0; i < count; i++) {
        n++;
        String ext = t.id().substring(0, 2).toUpperCase() + "-" + String.format("%04d", n);
        boolean female = rnd.nextInt(100) < 46;
        List<String> given = female ? demo.givenNamesFemale() : demo.givenNamesMale();
        String g = given.get(rnd.nextInt(given.size()));
        String f = demo.familyNames().get(rnd.nextInt(demo.familyNames().size()));
        int birth = 1950 + rnd.nextInt(50);
        int household = 2 + rnd.nextInt(7);
        String msisdn = demo.msisdnPrefix() + String.format("%07d", rnd.nextInt(10_000_000));
        int income = demo.baselineIncome().min() + rnd.nextInt(demo.baselineIncome().max() - demo.baselineIncome().min());
        double lat = c.latitude().doubleValue() + (rnd.nextDouble() - 0.5) * 0.08;
        double lon = c.longitude().doubleValue() + (rnd.nextDouble() - 0.5) * 0.08;
        double sizeM = 40 + rnd.nextDouble() * 60;
        if (repo.farmerByExternalId(c.id(), ext).flatMap(repo::farmer).isPresent()) {
          continue;
        }
        Farmer farmer = farmers.create(t, SYSTEM, new FarmerInput(ext, g, f, female ? Sex.FEMALE : Sex.MALE, birth,
            household, msisdn, null, c.id(), List.of(c.programme()), new Money(BigDecimal.valueOf(income),
                t.config().currency()), true, LocalDate.of(2025, 11, 3)));
        plots.create(t, SYSTEM, farmer.id(), ext + "-1", c.crop(), 2010 + rnd.nextInt(14),
            square(lat, lon, sizeM, rnd), null);
        created++;
      }
    }
    LOG.info("demo data for " + t.id() + ": " + created + " farmers added");
    harvests.seed(t, demo.seed());
  }

  /** A slightly irregular quadrilateral of about sizeM × sizeM metres around (lat, lon). */
  static Map<String, Object> square(double lat, double lon, double sizeM, Random rnd) {
    double dLat = sizeM / 111_320.0;
    double dLon = sizeM / (111_320.0 * Math.cos(Math.toRadians(lat)));
    List<List<Double>> ring = new ArrayList<>();
    double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    for (double[] c : corners) {
      double jitter = 0.85 + rnd.nextDouble() * 0.3;
      ring.add(List.of(round(lon + (c[0] - 0.5) * dLon * jitter), round(lat + (c[1] - 0.5) * dLat * jitter)));
    }
    ring.add(ring.get(0));
    return Map.of("type", "Polygon", "coordinates", List.of(ring));
  }

  private static double round(double v) {
    return BigDecimal.valueOf(v).setScale(7, RoundingMode.HALF_EVEN).doubleValue();
  }
}
