package org.compact.tracker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.TemporalAmount;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Dependencies point one way: web, scheduling and demo call features; features call rules, notice and mail;
 * rules, support and mail depend on no feature; the register knows nothing of the features built on it
 * (feedback, programme, compliance), which reach it through its public services and the FeedbackState port.
 */
class ArchitectureTest {
    private static final String BASE = "org.compact.tracker";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    private static String[] packages(String... names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = BASE + "." + names[i] + "..";
        }
        return out;
    }

    @Test
    void rulesArePureAndDependOnNoFeature() {
        noClasses().that().resideInAPackage(BASE + ".rules..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("consultation", "organisation", "security",
                        "web", "clock", "notice", "mail", "feedback", "programme", "compliance", "scheduling", "demo"))
                .check(classes);
        noClasses().that().resideInAPackage(BASE + ".rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.data..", "java.sql..", "javax.sql..")
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
                .should().dependOnClassesThat().resideInAnyPackage(packages("consultation", "organisation", "security",
                        "rules", "clock", "notice", "mail", "feedback", "programme", "compliance", "scheduling", "demo"))
                .check(classes);
    }

    @Test
    void mailKnowsNothingOfConsultationsOrOrganisations() {
        noClasses().that().resideInAPackage(BASE + ".mail..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("consultation", "organisation", "security",
                        "rules", "notice", "feedback", "programme", "compliance", "scheduling", "demo"))
                .check(classes);
    }

    @Test
    void theDirectorySecurityClockAndNoticesKnowNothingOfConsultations() {
        noClasses().that().resideInAnyPackage(packages("organisation", "security", "clock", "notice"))
                .should().dependOnClassesThat().resideInAnyPackage(packages("consultation", "feedback", "programme",
                        "compliance", "scheduling", "demo"))
                .check(classes);
    }

    @Test
    void theRegisterKnowsNothingOfTheFeaturesBuiltOnIt() {
        noClasses().that().resideInAPackage(BASE + ".consultation..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("feedback", "programme", "compliance",
                        "scheduling", "demo"))
                .check(classes);
    }

    /**
     * Each package, sub-packages apart (web and web.pages are two), is a slice, and no two slices import each other
     * even through a third: a cycle means neither side can be read or changed alone.
     */
    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aConsultationsStatusChangesOnlyThroughItsTransitions() {
        // Micronaut Data's generated introspection ($Consultation$Introspection) loads rows; nothing else may set it.
        noClasses().that().doNotHaveFullyQualifiedName(BASE + ".consultation.Consultation")
                .and().doNotHaveFullyQualifiedName(BASE + ".consultation.$Consultation$Introspection")
                .should().setField(org.compact.tracker.consultation.Consultation.class, "status")
                .check(classes);
        noMethods().that().areDeclaredIn(org.compact.tracker.consultation.Consultation.class)
                .and().arePublic()
                .should().haveNameStartingWith("set")
                .check(classes);
    }

    /**
     * The rules' dates (when a consultation may open, may close, its notice deadline, the span OVERLOAD looks at, how
     * far back PRIOR_WORK looks) are worked out in rules alone, from its settings' periods: nowhere else is a date
     * moved by a period. The compliance report is the one exception: it restates the same periods inside its SQL (a
     * report of 100,000 consultations cannot ask rules row by row), and ComplianceIT holds its figures to the history.
     */
    @Test
    void theRulesDatesAreComputedOnlyInRules() {
        noClasses().that().resideOutsideOfPackages(BASE + ".rules..", BASE + ".compliance..")
                .should().callMethod(LocalDate.class, "plus", TemporalAmount.class)
                .orShould().callMethod(LocalDate.class, "minus", TemporalAmount.class)
                .check(classes);
    }
}
