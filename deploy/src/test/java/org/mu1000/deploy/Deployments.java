package org.mu1000.deploy;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment every IT uses: the WAR the build packaged, exactly as it ships. */
final class Deployments {
  private Deployments() {}

  static WebArchive war() {
    File war = new File(System.getProperty("mu1000.war", "target/ROOT.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /** The database the deployed server uses, as an operator with access to it would reach it. */
  static String mongoUri() {
    String uri = System.getenv("MONGODB_URI");
    if (uri == null) {
      throw new IllegalStateException("MONGODB_URI is not set: run the tests with ./mu1000 test");
    }
    return uri;
  }

  /** The connector reports a non-loopback address; the server listens on all of them, tests use loopback. */
  static URI base(URL url) {
    return URI.create("http://127.0.0.1:" + url.getPort() + "/");
  }
}
