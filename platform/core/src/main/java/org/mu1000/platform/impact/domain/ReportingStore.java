package org.mu1000.platform.impact.domain;

import org.mu1000.platform.shared.domain.Records;

/** Port: what the figures are reported with, in one tenant's store: jobs, funding, the IATI publisher and files. */
public interface ReportingStore extends Records {
  String JOBS = "jobs_declarations";
  String FUNDING = "funding";
  /** The tenant's reporting organisation for IATI (one record, {@link #PUBLISHER_ID}). */
  String SETTINGS = "reporting_settings";
  String PUBLISHER_ID = "iati-publisher";
  /** Each programme's IATI activity as last published. */
  String PUBLISHED = "iati_published";

  /** Gives the store of a tenant. */
  interface Stores {
    ReportingStore of(org.mu1000.platform.tenancy.domain.Tenant tenant);
  }
}
