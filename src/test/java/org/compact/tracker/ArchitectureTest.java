package org.compact.tracker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies point one way: web and scheduling call features; features call rules; rules and support depend on
 * no feature; no feature depends on web.
 */
class ArchitectureTest {
    private static final String BASE = "org.compact.tracker";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    @Test
    void rulesArePureAndDependOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".rules..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".consultation..", BASE + ".organisation..",
                        BASE + ".security..", BASE + ".web..", BASE + ".clock..", "io.micronaut.data..", "java.sql..")
                .check(classes);
    }

    @Test
    void noFeatureDependsOnTheWebLayer() {
        noClasses().that().resideOutsideOfPackage(BASE + ".web..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".web..")
                .check(classes);
    }

    @Test
    void supportDependsOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".support..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".consultation..", BASE + ".organisation..",
                        BASE + ".security..", BASE + ".rules..", BASE + ".clock..")
                .check(classes);
    }

    @Test
    void theDirectoryAndSecurityKnowNothingOfConsultations() {
        noClasses().that().resideInAnyPackage(BASE + ".organisation..", BASE + ".security..", BASE + ".clock..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".consultation..")
                .check(classes);
    }
}
