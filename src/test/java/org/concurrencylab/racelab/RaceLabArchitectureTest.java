package org.concurrencylab.racelab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// The race lab's engine stands alone: the view built on it lives elsewhere, and the engine
/// needs only the JDK and Jackson (for its level files).
@AnalyzeClasses(packages = "org.concurrencylab.racelab", importOptions = ImportOption.DoNotIncludeTests.class)
class RaceLabArchitectureTest {

    @ArchTest
    static final ArchRule the_engine_needs_only_the_jdk_and_jackson = noClasses()
            .that().resideInAPackage("org.concurrencylab.racelab..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.concurrencylab.racelab..", "java..", "com.fasterxml.jackson..")
            .because("the engine is tested headless and the view model drives it, never the other way round");
}
