package org.mu1000.platform.kernel;

import java.util.Set;

/**
 * Who is calling, as seen by the one tenant the request works in ({@link Identity#in}): the roles held there (plus
 * platform-admin, held platform-wide) and, for coop staff, the cooperatives they work for. Staff of cooperatives see
 * exactly their cooperatives: with none, they see none.
 */
public record Caller(String subject, String username, Set<String> roles, Set<String> tenants, Set<String> coops) {
  public static final String PLATFORM_ADMIN = "platform-admin";
  public static final String TENANT_ADMIN = "tenant-admin";
  public static final String COOP_MANAGER = "coop-manager";
  public static final String FIELD_AGENT = "field-agent";
  public static final String BUYER = "buyer";
  public static final String DONOR = "donor";
  public static final String API_CLIENT = "api-client";

  public Caller {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
    coops = Set.copyOf(coops);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isPlatformAdmin() {
    return has(PLATFORM_ADMIN);
  }

  public boolean mayEnter(String tenant) {
    return isPlatformAdmin() || tenants.contains(tenant);
  }

  /** True when the caller's view is limited to their cooperatives (coop managers and field agents). */
  public boolean isCoopScoped() {
    return !isPlatformAdmin() && !has(TENANT_ADMIN) && !has(API_CLIENT) && (has(COOP_MANAGER) || has(FIELD_AGENT));
  }

  /** Donors read programme, cooperative and tenant figures, never a person's records. */
  public boolean mayReadPersons() {
    return mayWriteRegistry();
  }

  /** A buyer (without a staff role) sees and changes only the orders placed under their own name. */
  public boolean isBuyerOnly() {
    return has(BUYER) && !mayAdministerTenant() && !has(API_CLIENT) && !has(COOP_MANAGER) && !has(FIELD_AGENT);
  }

  public boolean mayWriteRegistry() {
    return isPlatformAdmin() || has(TENANT_ADMIN) || has(COOP_MANAGER) || has(FIELD_AGENT) || has(API_CLIENT);
  }

  /** Field agents register and correct, but do not delete; roles add up, so an admin role still may. */
  public boolean mayDeleteFromRegistry() {
    return mayAdministerTenant() || (mayWriteRegistry() && !has(FIELD_AGENT));
  }

  /** Farmers, plots, lots, deliveries, quotas: person-level records, which donors never see. */
  public boolean mayReadRegistry() {
    return mayWriteRegistry();
  }

  /** Programmes, cooperatives, grading standards: what donors see beside the figures. */
  public boolean mayReadProgrammes() {
    return mayReadRegistry() || mayReadOrders() || has(DONOR);
  }

  public boolean mayAdministerTenant() {
    return isPlatformAdmin() || has(TENANT_ADMIN);
  }

  public boolean mayManageCooperatives() {
    return isPlatformAdmin() || has(TENANT_ADMIN);
  }

  public boolean mayImport() {
    return isPlatformAdmin() || has(TENANT_ADMIN) || has(COOP_MANAGER);
  }

  public boolean maySeeCoop(String coopId) {
    return !isCoopScoped() || coops.contains(coopId);
  }

  /** Orders: agencies' admins, buyers placing their own, and integrations. */
  public boolean mayTrade() {
    return mayAdministerTenant() || has(BUYER) || has(API_CLIENT);
  }

  public boolean mayReadOrders() {
    return mayTrade() || has(COOP_MANAGER) || has(FIELD_AGENT);
  }

  /** Intake, corrections and moving stock: the people at the collection point and the warehouse. */
  public boolean mayHandleLots() {
    return mayAdministerTenant() || has(COOP_MANAGER) || has(FIELD_AGENT) || has(API_CLIENT);
  }

  /** Production plans: admins draw them up, coop managers adjust their farmers' quotas. */
  public boolean mayPlan() {
    return mayAdministerTenant() || has(COOP_MANAGER);
  }

  /** Buyers confirm that a shipment arrived. */
  public boolean mayConfirmDelivery() {
    return mayAdministerTenant() || has(BUYER) || has(API_CLIENT);
  }

  /** Programme, cooperative and tenant figures; a farmer's or a plot's figures need {@link #mayReadPersons}. */
  public boolean mayReadImpact() {
    return mayReadRegistry() || has(DONOR);
  }

  /** Payments, payout batches and statements: the agency's admins and the cooperatives' managers. */
  public boolean mayPay() {
    return mayAdministerTenant() || has(COOP_MANAGER);
  }

  /** A buyer's payment may also arrive from an integration. */
  public boolean mayRecordPayments() {
    return mayPay() || has(API_CLIENT);
  }
}
