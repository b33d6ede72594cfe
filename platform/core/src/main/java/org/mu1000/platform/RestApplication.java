package org.mu1000.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.mu1000.platform.finance.interfaces.rest.FinanceResource;
import org.mu1000.platform.finance.interfaces.rest.LoanResource;
import org.mu1000.platform.finance.interfaces.rest.ProviderCallbackResource;
import org.mu1000.platform.identity.interfaces.rest.UserResource;
import org.mu1000.platform.idempotency.interfaces.rest.IdempotencyFilter;
import org.mu1000.platform.impact.interfaces.rest.DonorResource;
import org.mu1000.platform.impact.interfaces.rest.ImpactResource;
import org.mu1000.platform.registry.interfaces.rest.CooperativeResource;
import org.mu1000.platform.registry.interfaces.rest.FarmerResource;
import org.mu1000.platform.registry.interfaces.rest.ImportResource;
import org.mu1000.platform.registry.interfaces.rest.PlotResource;
import org.mu1000.platform.registry.interfaces.rest.ProgrammeResource;
import org.mu1000.platform.security.PublicRateLimit;
import org.mu1000.platform.security.TenantFilter;
import org.mu1000.platform.shared.rest.ExceptionMappers;
import org.mu1000.platform.shared.rest.JacksonConfig;
import org.mu1000.platform.tenancy.interfaces.rest.AuditResource;
import org.mu1000.platform.tenancy.interfaces.rest.TenantResource;
import org.mu1000.platform.training.interfaces.rest.TrainingResource;
import org.mu1000.platform.valuechain.interfaces.rest.GradingResource;
import org.mu1000.platform.valuechain.interfaces.rest.LotResource;
import org.mu1000.platform.valuechain.interfaces.rest.OrderResource;
import org.mu1000.platform.valuechain.interfaces.rest.TraceResource;
import org.mu1000.platform.webhooks.interfaces.rest.WebhookResource;

/**
 * The REST API. Resources are listed here because Jersey would otherwise also find the generated {@code @Path}
 * interfaces and fail to construct them.
 */
@ApplicationPath("/api/v1")
@ApplicationScoped
public class RestApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new HashSet<>(Set.of(
        TenantResource.class, ProgrammeResource.class, CooperativeResource.class, FarmerResource.class,
        PlotResource.class, ImportResource.class, UserResource.class, WebhookResource.class, AuditResource.class,
        GradingResource.class, FinanceResource.class, LoanResource.class, ProviderCallbackResource.class,
        OrderResource.class, LotResource.class, TraceResource.class, ImpactResource.class, DonorResource.class, TrainingResource.class,
        TenantFilter.class, PublicRateLimit.class, IdempotencyFilter.class, JacksonConfig.class));
    classes.addAll(ExceptionMappers.all());
    return classes;
  }

  @Override
  public Map<String, Object> getProperties() {
    Map<String, Object> p = new HashMap<>();
    p.put("jersey.config.jsonFeature", "JacksonFeature");
    p.put("jersey.config.beanValidation.enableOutputValidationErrorEntity.server", false);
    p.put("jersey.config.server.wadl.disableWadl", true);
    return p;
  }
}
