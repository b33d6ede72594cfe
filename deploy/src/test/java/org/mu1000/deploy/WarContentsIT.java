package org.mu1000.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What ships: the WAR holds the application and its libraries, never the local development store. */
class WarContentsIT {
  @Test
  void theWarCarriesNoLocalMongoServerAndNoH2() throws Exception {
    File war = new File(System.getProperty("mu1000.war", "target/ROOT.war"));
    try (ZipFile zip = new ZipFile(war)) {
      List<String> libs = zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("WEB-INF/lib/")).toList();
      assertTrue(libs.stream().anyMatch(n -> n.contains("mongodb-driver-sync")), "the driver ships: " + libs);
      List<String> dev = libs.stream().filter(n -> n.contains("mongo-java-server") || n.contains("/h2-")
          || n.contains("/h2.") || n.contains("local-mongo")).toList();
      assertTrue(dev.isEmpty(), "development store in the WAR: " + dev);
    }
  }
}
