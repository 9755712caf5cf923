package io.precis.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Modules depend app → admin → inference only, and no two feature packages depend on each other in a cycle. */
@AnalyzeClasses(packages = "io.precis", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

    @ArchTest
    static final ArchRule inferenceDependsOnNeitherAdminNorApp = noClasses().that().resideInAPackage("io.precis.inference..")
            .should().dependOnClassesThat().resideInAnyPackage("io.precis.admin..", "io.precis.app..");

    @ArchTest
    static final ArchRule inferenceStaysPlainJava = noClasses().that().resideInAPackage("io.precis.inference..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..", "com.vaadin..", "java.sql..");

    @ArchTest
    static final ArchRule adminDoesNotDependOnApp = noClasses().that().resideInAPackage("io.precis.admin..")
            .should().dependOnClassesThat().resideInAPackage("io.precis.app..");

    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("io.precis.(*).(*)..").should().beFreeOfCycles();
}
