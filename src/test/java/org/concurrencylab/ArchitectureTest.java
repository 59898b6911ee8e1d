package org.concurrencylab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/// The layering of DESIGN.md: the data model, the diagram geometry and the exporters never touch
/// JavaFX, so they run and are tested without the FX thread; core knows nothing of its front ends.
@AnalyzeClasses(packages = "org.concurrencylab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule core_does_not_use_javafx = noClasses()
            .that().resideInAPackage("org.concurrencylab.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("core runs headless: in the command line, in child processes and in plain unit tests");

    @ArchTest
    static final ArchRule diagram_does_not_use_javafx = noClasses()
            .that().resideInAPackage("org.concurrencylab.diagram..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true)
            .because("the screen and the SVG writer share the diagram's geometry");

    @ArchTest
    static final ArchRule export_does_not_use_javafx = noClasses()
            .that().resideInAPackage("org.concurrencylab.export..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true)
            .because("exports are written headless, from the command line too");

    @ArchTest
    static final ArchRule teach_does_not_use_javafx = noClasses()
            .that().resideInAnyPackage("org.concurrencylab.teach..", "org.concurrencylab.racelab..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("lessons, explanations and code snippets are tested without the FX thread; the panes live in ui");

    @ArchTest
    static final ArchRule compare_and_history_do_not_use_javafx = noClasses()
            .that().resideInAnyPackage("org.concurrencylab.compare..", "org.concurrencylab.history..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.concurrencylab.ui..", "org.concurrencylab.render..")
            .because("comparisons, sweeps, the history and the settings work headless, from the command line too");

    @ArchTest
    static final ArchRule core_does_not_know_its_front_ends = noClasses()
            .that().resideInAPackage("org.concurrencylab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.concurrencylab.ui..", "org.concurrencylab.cli..")
            .because("the window and the command line drive core, never the other way round");

    @ArchTest
    static final ArchRule trace_uses_java_base_only = noClasses()
            .that().resideInAPackage("org.concurrencylab.core.trace..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.concurrencylab.core.trace..", "java..")
            .because("DESIGN.md: core.trace depends on java.base only");

    @ArchTest
    static final ArchRule workloads_are_plain_data = noClasses()
            .that().resideInAPackage("org.concurrencylab.core.workload..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.concurrencylab.core.workload..", "org.concurrencylab.core.trace..", "java..")
            .because("DESIGN.md: plans are data that every model, a child process too, can interpret");

    @ArchTest
    static final ArchRule demo_sites_stand_alone = noClasses()
            .that().resideInAPackage("org.concurrencylab.sites..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.concurrencylab.sites..", "com.sun.net.httpserver..", "java..")
            .because("DESIGN.md: the demo sites need only jdk.httpserver");
}
