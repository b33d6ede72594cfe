package org.mu1000.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of ARCHITECTURE.md, kept true as the code grows. */
@AnalyzeClasses(packages = "org.mu1000.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Contexts talk one way: no two of them (nor the kernel, shared code or persistence) import each other. */
  @ArchTest
  static final ArchRule contextsAreFreeOfCycles = slices().matching("org.mu1000.platform.(*)..").should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.bson..", "com.mongodb..",
          "..infrastructure..", "..interfaces..", "org.mu1000.api..");

  /** The application services of every context: they never reach into a REST layer or the generated models. */
  @ArchTest
  static final ArchRule applicationDoesNotUseTheRestLayer = noClasses().that()
      .resideInAnyPackage("..application..", "..domain..", "..infrastructure..", "org.mu1000.platform.security..",
          "org.mu1000.platform.kernel..")
      .should().dependOnClassesThat().resideInAnyPackage("..interfaces.rest..", "org.mu1000.api..");

  /** The local development store lives in its own module and never on the application's class path. */
  @ArchTest
  static final ArchRule noLocalStoreInTheApplication = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("de.bwaldvogel..", "org.h2..", "org.mu1000.localmongo..");

  /** Security decides from the caller's identity; it never depends on the identity provider's adapter. */
  @ArchTest
  static final ArchRule securityDependsOnPortsNotOnKeycloak = noClasses().that()
      .resideInAPackage("org.mu1000.platform.security..")
      .should().dependOnClassesThat().resideInAPackage("org.mu1000.platform.identity..");

  /** The MongoDB driver and BSON types stay in the adapters: every other class speaks records and ports. */
  @ArchTest
  static final ArchRule onlyAdaptersTouchTheDriver = noClasses().that()
      .resideOutsideOfPackages("org.mu1000.platform..infrastructure..")
      .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..");

  /** Services and domain reach storage through their context's ports, never an adapter. */
  @ArchTest
  static final ArchRule applicationUsesPortsNotAdapters = noClasses().that()
      .resideInAnyPackage("..application..", "..domain..", "..interfaces..")
      .should().dependOnClassesThat().resideInAPackage("..infrastructure..");
}
