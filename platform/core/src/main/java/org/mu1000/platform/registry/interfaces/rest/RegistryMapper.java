package org.mu1000.platform.registry.interfaces.rest;

import java.math.BigDecimal;
import java.util.List;
import org.mu1000.api.model.Area;
import org.mu1000.api.model.AreaUnit;
import org.mu1000.api.model.CollectionPoint;
import org.mu1000.api.model.Consent;
import org.mu1000.platform.registry.application.FarmerInput;
import org.mu1000.platform.registry.domain.Cooperative;
import org.mu1000.platform.registry.domain.Farmer;
import org.mu1000.platform.kernel.Money;
import org.mu1000.platform.registry.domain.Plot;
import org.mu1000.platform.registry.domain.Programme;
import org.mu1000.platform.registry.domain.Sex;
import org.mu1000.platform.tenancy.domain.Tenant;

/** Between the generated API models and the registry's domain. */
public final class RegistryMapper {
  private RegistryMapper() {}

  public static FarmerInput input(org.mu1000.api.model.Farmer f) {
    org.mu1000.api.model.Money m = f.getBaselineAnnualIncome();
    Consent consent = f.getConsent();
    return new FarmerInput(f.getExternalId(), f.getGivenName(), f.getFamilyName(),
        f.getSex() == null ? null : Sex.of(f.getSex().toString()), f.getBirthYear(), f.getHouseholdSize(),
        f.getMsisdn(), f.getNationalId(), f.getCooperativeId(), f.getProgrammeIds(),
        m == null ? null : new Money(m.getAmount(), m.getCurrency()),
        consent == null ? null : consent.getGiven(), consent == null ? null : consent.getDate());
  }

  public static org.mu1000.api.model.Farmer api(Farmer f, List<Plot> plots, Tenant t) {
    org.mu1000.api.model.Farmer a = new org.mu1000.api.model.Farmer();
    a.setId(f.id());
    a.setExternalId(f.externalId());
    a.setGivenName(f.givenName());
    a.setFamilyName(f.familyName());
    a.setSex(org.mu1000.api.model.Sex.fromValue(f.sex().code()));
    a.setBirthYear(f.birthYear());
    a.setHouseholdSize(f.householdSize());
    a.setMsisdn(f.msisdn());
    a.setNationalIdLast4(f.nationalIdLast4());
    a.setCooperativeId(f.cooperativeId());
    a.setProgrammeIds(f.programmeIds());
    if (f.baselineAnnualIncome() != null) {
      a.setBaselineAnnualIncome(new org.mu1000.api.model.Money(f.baselineAnnualIncome().amount(),
          f.baselineAnnualIncome().currency()));
    }
    if (f.consentGiven() != null) {
      Consent c = new Consent(f.consentGiven());
      c.setDate(f.consentDate());
      a.setConsent(c);
    }
    if (plots != null) {
      a.setPlotCount(plots.size());
      a.setTotalArea(area(plots.stream().map(Plot::areaM2).reduce(BigDecimal.ZERO, BigDecimal::add), t));
    }
    a.setCreatedAt(f.createdAt() == null ? null : f.createdAt().atOffset(java.time.ZoneOffset.UTC));
    a.setUpdatedAt(f.updatedAt() == null ? null : f.updatedAt().atOffset(java.time.ZoneOffset.UTC));
    a.setVersion(f.version());
    return a;
  }

  public static Area area(BigDecimal m2, Tenant t) {
    var unit = t.config().areaUnit();
    Area a = new Area();
    a.setValue(unit.fromSquareMetres(m2));
    a.setUnit(AreaUnit.fromValue(unit.code()));
    return a;
  }

  public static org.mu1000.api.model.Plot api(Plot p, Tenant t) {
    org.mu1000.api.model.Plot a = new org.mu1000.api.model.Plot();
    a.setId(p.id());
    a.setFarmerId(p.farmerId());
    a.setExternalId(p.externalId());
    a.setCrop(p.crop());
    a.setPlantingYear(p.plantingYear());
    a.setGeometry(p.geometry());
    a.setDeclaredAreaM2(p.declaredAreaM2());
    a.setAreaM2(p.areaM2());
    a.setArea(area(p.areaM2(), t));
    a.setVersion(p.version());
    return a;
  }

  public static Cooperative coop(org.mu1000.api.model.Cooperative c) {
    List<Cooperative.CollectionPoint> points = c.getCollectionPoints() == null ? List.of()
        : c.getCollectionPoints().stream()
            .map(p -> new Cooperative.CollectionPoint(p.getName(), p.getLatitude(), p.getLongitude())).toList();
    return new Cooperative(null, c.getName(), c.getRegistrationNumber(), c.getDistrict(), c.getRegion(), points,
        c.getCertifications(), 0);
  }

  public static org.mu1000.api.model.Cooperative api(Cooperative c) {
    org.mu1000.api.model.Cooperative a = new org.mu1000.api.model.Cooperative();
    a.setId(c.id());
    a.setName(c.name());
    a.setRegistrationNumber(c.registrationNumber());
    a.setDistrict(c.district());
    a.setRegion(c.region());
    a.setCollectionPoints(c.collectionPoints().stream()
        .map(p -> new CollectionPoint(p.name(), p.latitude(), p.longitude())).toList());
    a.setCertifications(c.certifications());
    a.setVersion(c.version());
    return a;
  }

  public static Programme programme(org.mu1000.api.model.Programme p) {
    return new Programme(null, p.getName(), p.getCommodity(), p.getSeasonStart(), p.getSeasonEnd(),
        p.getTargetUsdPerMu(), p.getBaselineUsdPerMu(), p.getCooperativeFeePercent(), p.getLoans() == null ? null
            : new Programme.LoanTerms(p.getLoans().getSharePercent(), p.getLoans().getAnnualRatePercent(),
                p.getLoans().getInterest() == null ? null : p.getLoans().getInterest().toString(),
                p.getLoans().getMaxTermMonths()), 0);
  }

  public static org.mu1000.api.model.Programme api(Programme p) {
    org.mu1000.api.model.Programme a = new org.mu1000.api.model.Programme();
    a.setId(p.id());
    a.setName(p.name());
    a.setCommodity(p.commodity());
    a.setSeasonStart(p.seasonStart());
    a.setSeasonEnd(p.seasonEnd());
    a.setCooperativeFeePercent(p.cooperativeFeePercent());
    if (p.loans() != null) {
      a.setLoans(new org.mu1000.api.model.LoanTerms().sharePercent(p.loans().sharePercent())
          .annualRatePercent(p.loans().annualRatePercent())
          .interest(org.mu1000.api.model.LoanTerms.InterestEnum.fromValue(p.loans().interest()))
          .maxTermMonths(p.loans().maxTerm()));
    }
    a.setTargetUsdPerMu(p.targetUsdPerMu());
    a.setBaselineUsdPerMu(p.baselineUsdPerMu());
    a.setVersion(p.version());
    return a;
  }
}
