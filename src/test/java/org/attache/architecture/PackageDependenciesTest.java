package org.attache.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The way a request goes through the service, as the packages show it (docs/architecture.md): transport (HTTP,
 * WebSocket) in front of engine (graphql-java's hooks), sqlread (the one-statement read path) beside the resolvers,
 * and the features, which see only api/. No package depends on itself through others.
 */
class PackageDependenciesTest {

    private static final String[] PLUMBING = { "org.attache.engine..", "org.attache.transport..", "org.attache.sqlread.." };

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.attache");

    @Test
    void noPackageCycles() {
        slices().matching("org.attache.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void featuresUseTheApiPackageOnly() {
        noClasses().that().resideOutsideOfPackages(PLUMBING)
                .should().dependOnClassesThat().resideInAnyPackage(PLUMBING)
                .because("features reach the GraphQL engine through api/ only")
                .check(SERVICE);
    }

    @Test
    void theApiPackageStandsOnItsOwn() {
        noClasses().that().resideInAPackage("org.attache.api..")
                .should().dependOnClassesThat(resideInAPackage("org.attache..").and(not(resideInAPackage("org.attache.api.."))))
                .because("what every feature builds on must not pull in a feature or the engine")
                .check(SERVICE);
    }

    @Test
    void theEngineKnowsNoTransport() {
        noClasses().that().resideInAnyPackage("org.attache.engine..", "org.attache.sqlread..")
                .should().dependOnClassesThat().resideInAPackage("org.attache.transport..")
                .because("the engine marks the request (HttpExchange) and the transport reads the marks")
                .check(SERVICE);
    }
}
