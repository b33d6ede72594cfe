package org.mu1000.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of ARCHITECTURE.md, kept true as the code grows. */
@AnalyzeClasses(packages = "org.mu1000.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.bson..", "com.mongodb..",
          "..infrastructure..", "..interfaces..", "org.mu1000.api..");

  @ArchTest
  static final ArchRule applicationDoesNotUseTheRestLayer = noClasses().that()
      .resideInAnyPackage("org.mu1000.platform.registry", "org.mu1000.platform.tenancy",
          "org.mu1000.platform.identity", "org.mu1000.platform.webhooks", "org.mu1000.platform.registry.importing")
      .should().dependOnClassesThat().resideInAnyPackage("..interfaces.rest..", "org.mu1000.api..");

  @ArchTest
  static final ArchRule onlyAdaptersAndPersistenceTouchTheDriver = noClasses().that()
      .resideInAnyPackage("..interfaces.rest..", "..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..");
}
