package org.concurrencylab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/// The layers of docs/ARCHITECTURE.md, kept by rule: who may use whom, no package cycles, and the
/// data model, the diagram's geometry and the exporters free of JavaFX, so they run and are
/// tested without the FX thread.
@AnalyzeClasses(packages = "org.concurrencylab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers_are_used_only_from_above = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Entry").definedBy("org.concurrencylab")
            .layer("Window").definedBy("org.concurrencylab.ui..")
            .layer("CommandLine").definedBy("org.concurrencylab.cli..")
            .layer("Render").definedBy("org.concurrencylab.render..")
            .layer("Python").definedBy("org.concurrencylab.python..")
            .layer("Teach").definedBy("org.concurrencylab.teach..")
            .layer("RaceLab").definedBy("org.concurrencylab.racelab..")
            .layer("Compare").definedBy("org.concurrencylab.compare..")
            .layer("History").definedBy("org.concurrencylab.history..")
            .layer("Export").definedBy("org.concurrencylab.export..")
            .layer("Diagram").definedBy("org.concurrencylab.diagram..")
            .layer("Worker").definedBy("org.concurrencylab.worker..")
            .layer("Core").definedBy("org.concurrencylab.core..")
            .layer("Net").definedBy("org.concurrencylab.net..")
            .layer("Sites").definedBy("org.concurrencylab.sites..")
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Window").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("CommandLine").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Render").mayOnlyBeAccessedByLayers("Window", "CommandLine")
            // the engine finds the Python runs with ServiceLoader; the front ends ask which Python there is
            .whereLayer("Python").mayOnlyBeAccessedByLayers("Window", "CommandLine")
            .whereLayer("Teach").mayOnlyBeAccessedByLayers("Window", "Python")
            .whereLayer("RaceLab").mayOnlyBeAccessedByLayers("Window", "Teach")
            .whereLayer("History").mayOnlyBeAccessedByLayers("Entry", "Window", "CommandLine")
            .whereLayer("Compare").mayOnlyBeAccessedByLayers("Window", "CommandLine", "Render")
            .whereLayer("Export").mayOnlyBeAccessedByLayers("Window", "CommandLine", "Render", "History", "Compare")
            .whereLayer("Diagram").mayOnlyBeAccessedByLayers("Window", "CommandLine", "Render", "Teach", "Compare",
                    "History", "Export")
            // the engine finds the process pool with ServiceLoader: nothing names the worker package
            .whereLayer("Worker").mayNotBeAccessedByAnyLayer()
            .whereLayer("Net").mayOnlyBeAccessedByLayers("Core", "Worker")
            .whereLayer("Sites").mayOnlyBeAccessedByLayers("Core", "Worker")
            .because("docs/ARCHITECTURE.md: each layer uses only those below it; the window and the command line "
                    + "are two front ends of the same engine and renderer");

    @ArchTest
    static final ArchRule top_level_packages_are_free_of_cycles = slices().matching("org.concurrencylab.(*)..")
            .should().beFreeOfCycles()
            .because("docs/ARCHITECTURE.md: a package cycle makes two layers one");

    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices().matching("org.concurrencylab.core.(*)..")
            .should().beFreeOfCycles()
            .because("trace, workload, model and run build on each other in that order");

    @ArchTest
    static final ArchRule window_features_are_free_of_cycles = slices().matching("org.concurrencylab.ui.(*)..")
            .should().beFreeOfCycles()
            .because("each feature of the window stands on its own; only the shell puts them together");

    @ArchTest
    static final ArchRule window_features_do_not_reach_into_the_shell = noClasses()
            .that().resideInAPackage("org.concurrencylab.ui..").and().resideOutsideOfPackage("org.concurrencylab.ui.shell..")
            .should().dependOnClassesThat().resideInAPackage("org.concurrencylab.ui.shell..")
            .because("the shell is the one composition root: features are given what they need");

    @ArchTest
    static final ArchRule headless_packages_do_not_use_javafx = noClasses()
            .that().resideInAnyPackage("org.concurrencylab.core..", "org.concurrencylab.diagram..",
                    "org.concurrencylab.export..", "org.concurrencylab.teach..", "org.concurrencylab.compare..",
                    "org.concurrencylab.history..", "org.concurrencylab.worker..", "org.concurrencylab.net..",
                    "org.concurrencylab.sites..", "org.concurrencylab.racelab..", "org.concurrencylab.python..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("they run headless: in the command line, in child processes and in plain unit tests; the "
                    + "diagram's geometry is shared by the screen and the SVG writer");

    @ArchTest
    static final ArchRule trace_uses_java_base_only = noClasses()
            .that().resideInAPackage("org.concurrencylab.core.trace..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.concurrencylab.core.trace..", "java..")
            .because("docs/ARCHITECTURE.md: the trace is plain data a child process records too");

    @ArchTest
    static final ArchRule workloads_are_plain_data = noClasses()
            .that().resideInAPackage("org.concurrencylab.core.workload..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.concurrencylab.core.workload..", "org.concurrencylab.core.trace..", "java..")
            .because("docs/ARCHITECTURE.md: plans are data that every model, a child process too, can interpret");

    @ArchTest
    static final ArchRule demo_sites_stand_alone = noClasses()
            .that().resideInAPackage("org.concurrencylab.sites..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "org.concurrencylab.sites..", "io.netty..", "java..")
            .because("docs/ARCHITECTURE.md: the demo sites need only Netty");
}
