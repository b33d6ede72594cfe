package org.mu1000.platform.registry.application.importing;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks for commits whose server stopped (soon after start-up, then every half lease) and goes on with them, so an import
 * interrupted by a crash or a redeployment finishes without anyone committing it again.
 */
@ApplicationScoped
public class ImportResumer {
  private static final Logger LOG = Logger.getLogger(ImportResumer.class.getName());

  /** Only looks and hands over: the commits it finds run on the server's managed executor. */
  private ScheduledExecutorService scheduler;
  private ImportService imports;
  private long leaseSeconds;

  protected ImportResumer() {}

  @Inject
  public ImportResumer(ImportService imports,
      @ConfigProperty(name = "mu1000.import.lease-seconds", defaultValue = "60") long leaseSeconds) {
    this.imports = imports;
    this.leaseSeconds = leaseSeconds;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    long every = Math.max(1, leaseSeconds / 2);
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mu1000-import-resumer");
      t.setDaemon(true);
      return t;
    });
    // the first look once the application is fully started (its resources are bound only then)
    scheduler.scheduleWithFixedDelay(this::resume, Math.max(10, every), every, TimeUnit.SECONDS);
  }

  private void resume() {
    try {
      int n = imports.resumeInterrupted();
      if (n > 0) {
        LOG.info("went on with " + n + " interrupted import(s)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not look for interrupted imports", e);
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
