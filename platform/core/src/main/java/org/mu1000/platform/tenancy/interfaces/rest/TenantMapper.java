package org.mu1000.platform.tenancy.interfaces.rest;

import java.time.ZoneOffset;
import java.util.List;
import org.mu1000.api.model.FxRate;
import org.mu1000.api.model.Tenant.StatusEnum;
import org.mu1000.platform.tenancy.domain.AreaUnit;
import org.mu1000.platform.tenancy.domain.ProviderConfig;
import org.mu1000.platform.tenancy.domain.Tenant;
import org.mu1000.platform.tenancy.domain.TenantConfig;

/** Between the API's tenant models and the tenancy domain. The connection string never leaves the server. */
public final class TenantMapper {
  private TenantMapper() {}

  public static TenantConfig config(org.mu1000.api.model.TenantConfig c) {
    if (c == null) {
      return null;
    }
    List<org.mu1000.platform.kernel.FxRate> fx = c.getFxRates() == null ? List.of()
        : c.getFxRates().stream().map(r -> new org.mu1000.platform.kernel.FxRate(r.getDate(), r.getRate()))
            .toList();
    return new TenantConfig(c.getId(), c.getName(), c.getCountry(), c.getCurrency(),
        c.getAreaUnit() == null ? null : AreaUnit.of(c.getAreaUnit().toString()), c.getLanguages(), c.getTimezone(),
        c.getPovertyLine(), fx, c.getMongoUri(), c.getMaxPlotAreaHa(), c.getProviders() == null || c.getProviders().isEmpty() ? null
            : providers(c.getProviders()));
  }

  public static org.mu1000.api.model.TenantConfig api(TenantConfig c) {
    org.mu1000.api.model.TenantConfig a = new org.mu1000.api.model.TenantConfig();
    a.setId(c.id());
    a.setName(c.name());
    a.setCountry(c.country());
    a.setCurrency(c.currency());
    a.setAreaUnit(org.mu1000.api.model.AreaUnit.fromValue(c.areaUnit().code()));
    a.setLanguages(c.languages());
    a.setTimezone(c.timezone());
    a.setPovertyLine(c.povertyLine());
    a.setMaxPlotAreaHa(c.maxPlotAreaHa());
    a.setFxRates(c.fxRates().stream().map(r -> new FxRate(r.date(), r.rate())).toList());
    a.setProviders(c.providers().stream().map(TenantMapper::api).toList());
    return a;
  }

  public static List<ProviderConfig> providers(List<org.mu1000.api.model.ProviderConfig> in) {
    return in.stream().map(p -> new ProviderConfig(p.getFamily() == null ? null : p.getFamily().toString(),
        p.getProvider(), p.getSettings(), p.getSecrets())).toList();
  }

  /** A provider as the API shows it: settings, and only the names of its secrets. */
  public static org.mu1000.api.model.ProviderConfig api(ProviderConfig p) {
    return new org.mu1000.api.model.ProviderConfig()
        .family(org.mu1000.api.model.ProviderConfig.FamilyEnum.fromValue(p.family())).provider(p.provider())
        .settings(new java.util.TreeMap<>(p.settings())).secrets(null)
        .secretsSet(p.secrets().keySet().stream().sorted().toList());
  }

  public static org.mu1000.api.model.Tenant api(Tenant t) {
    org.mu1000.api.model.Tenant a = new org.mu1000.api.model.Tenant();
    a.setConfig(api(t.config()));
    a.setStatus(StatusEnum.fromValue(t.status().code()));
    a.setSuspendedReason(t.suspendedReason());
    a.setProvisioning(List.copyOf(t.provisioned()));
    a.setDedicatedDatabase(t.config().hasOwnDatabase());
    a.setCreatedAt(t.createdAt() == null ? null : t.createdAt().atOffset(ZoneOffset.UTC));
    a.setUpdatedAt(t.updatedAt() == null ? null : t.updatedAt().atOffset(ZoneOffset.UTC));
    a.setVersion(t.version());
    return a;
  }
}
