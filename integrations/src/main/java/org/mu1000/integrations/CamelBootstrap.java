package org.mu1000.integrations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Starts the one CamelContext when the application starts and stops it at shutdown (camel-cdi no longer exists).
 * Every {@link RouteBuilder} bean of the application is added.
 */
@ApplicationScoped
public class CamelBootstrap {
  private static final Logger LOG = Logger.getLogger(CamelBootstrap.class.getName());

  private Instance<RouteBuilder> routes;
  private CamelContext camel;
  private ProducerTemplate producer;

  protected CamelBootstrap() {}

  @Inject
  public CamelBootstrap(Instance<RouteBuilder> routes) {
    this.routes = routes;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    start();
  }

  public synchronized CamelContext start() {
    if (camel != null) {
      return camel;
    }
    long t0 = System.nanoTime();
    try {
      DefaultCamelContext ctx = new DefaultCamelContext();
      ctx.getCamelContextExtension().setName("mu1000");
      ctx.setApplicationContextClassLoader(CamelBootstrap.class.getClassLoader());
      for (RouteBuilder r : routes) {
        ctx.addRoutes(r);
      }
      ctx.start();
      camel = ctx;
      producer = ctx.createProducerTemplate();
      LOG.info("Camel started with " + ctx.getRoutes().size() + " routes in " + (System.nanoTime() - t0) / 1_000_000
          + " ms");
      return camel;
    } catch (Exception e) {
      LOG.log(java.util.logging.Level.SEVERE, "Camel failed to start", e);
      throw new IllegalStateException("Camel failed to start: " + e, e);
    }
  }

  public ProducerTemplate producer() {
    start();
    return producer;
  }

  @PreDestroy
  void stop() {
    if (camel != null) {
      camel.stop();
    }
  }
}
