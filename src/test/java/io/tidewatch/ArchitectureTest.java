package io.tidewatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Package boundaries and house rules that a reviewer would otherwise have to remember. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tidewatch");

    @Test
    void nothingReachesIntoAnotherCapabilitysInternals() {
        for (JavaClass owner : MAIN) {
            String pkg = owner.getPackageName();
            if (!pkg.contains(".internal")) {
                continue;
            }
            String capability = pkg.substring(0, pkg.indexOf(".internal"));
            noClasses().that().resideOutsideOfPackage(capability + "..")
                    .should().dependOnClassesThat().resideInAPackage(capability + ".internal..")
                    .because("a capability's internals are hidden behind its root package")
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        slices().matching("io.tidewatch.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void tenancyAndPlatformDependOnNoCapability() {
        noClasses().that().resideInAnyPackage("io.tidewatch.tenancy..", "io.tidewatch.platform..")
                .should().dependOnClassesThat(new DescribedPredicate<JavaClass>("a Tidewatch capability") {
                    @Override
                    public boolean test(JavaClass c) {
                        String pkg = c.getPackageName();
                        return pkg.startsWith("io.tidewatch.") && !pkg.startsWith("io.tidewatch.tenancy")
                                && !pkg.startsWith("io.tidewatch.platform");
                    }
                })
                .check(MAIN);
    }

    @Test
    void onlyTheTenancyCodeSwitchesSchemas() {
        noClasses().that().resideOutsideOfPackage("io.tidewatch.tenancy..")
                .should().callMethod(java.sql.Connection.class, "setSchema", String.class)
                .check(MAIN);
    }

    @Test
    void mainCodeUsesConstructorInjection() {
        noFields().should().beAnnotatedWith(jakarta.inject.Inject.class)
                .because("constructor injection into final fields is the house style")
                .check(MAIN);
    }

    @Test
    void mainCodeLogsThroughQuarkusLog() {
        noClasses().that().doNotHaveFullyQualifiedName("io.tidewatch.report.internal.PdfLog").should()
                .dependOnClassesThat().resideInAnyPackage("org.slf4j..", "java.util.logging..",
                        "org.apache.commons.logging..")
                .because("the PDF library's logger interface takes java.util.logging levels, and PdfLog forwards them to "
                        + "the service's log; nothing else touches another logging API")
                .check(MAIN);
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(MAIN);
    }

    @Test
    void requestHandlersStartNoThreadsOfTheirOwn() {
        noClasses().that().resideOutsideOfPackages("io.tidewatch.tenancy..", "io.tidewatch.platform..")
                .should().callConstructor(Thread.class, Runnable.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "runAsync", Runnable.class)
                .check(MAIN);
    }

    @Test
    void caseConversionAlwaysNamesALocale() {
        noClasses().should().callMethod(String.class, "toLowerCase")
                .orShould().callMethod(String.class, "toUpperCase")
                .check(MAIN);
    }
}
