package dev.jmake;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The stages import each other only downwards, in the order each package-info.java states (and
 * docs/ARCHITECTURE.md draws): syntax at the bottom, then the output sinks and small leaves (ui, archive, cli,
 * process, trace), server.wire (the client-server protocol, which may use process), jobserver, then eval, graph,
 * report, build, server (a session's client as the owner of its processes), and dev.jmake itself, which wires
 * them together.
 * A stage may name any stage below it that its line here lists; nothing below may name anything above.
 */
@AnalyzeClasses(packages = "dev.jmake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String SYNTAX = "syntax";
    private static final String UI = "ui";
    private static final String ARCHIVE = "archive";
    private static final String CLI = "cli";
    private static final String PROCESS = "process";
    private static final String TRACE = "trace";
    private static final String WIRE = "server.wire";
    private static final String JOBSERVER = "jobserver";
    private static final String EVAL = "eval";
    private static final String GRAPH = "graph";
    private static final String REPORT = "report";
    private static final String BUILD = "build";
    private static final String WATCH = "watch";
    private static final String SERVER = "server";
    private static final String INVOCATION = "invocation";

    @ArchTest
    static final ArchRule stagesImportOnlyTheStagesBelowThem = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer(SYNTAX).definedBy("dev.jmake.syntax..")
            .layer(UI).definedBy("dev.jmake.ui..")
            .layer(ARCHIVE).definedBy("dev.jmake.archive..")
            .layer(CLI).definedBy("dev.jmake.cli..")
            .layer(PROCESS).definedBy("dev.jmake.process..")
            .layer(TRACE).definedBy("dev.jmake.trace..")
            .layer(WIRE).definedBy("dev.jmake.server.wire..")
            .layer(JOBSERVER).definedBy("dev.jmake.jobserver..")
            .layer(EVAL).definedBy("dev.jmake.eval..")
            .layer(GRAPH).definedBy("dev.jmake.graph..")
            .layer(REPORT).definedBy("dev.jmake.report..")
            .layer(BUILD).definedBy("dev.jmake.build..")
            .layer(WATCH).definedBy("dev.jmake.watch..")
            .layer(SERVER).definedBy("dev.jmake.server")
            .layer(INVOCATION).definedBy("dev.jmake")
            .whereLayer(SYNTAX).mayNotAccessAnyLayer()
            .whereLayer(UI).mayOnlyAccessLayers(SYNTAX)
            .whereLayer(ARCHIVE).mayOnlyAccessLayers(SYNTAX)
            .whereLayer(CLI).mayOnlyAccessLayers(SYNTAX)
            .whereLayer(PROCESS).mayNotAccessAnyLayer()
            .whereLayer(TRACE).mayOnlyAccessLayers(SYNTAX)
            .whereLayer(WIRE).mayOnlyAccessLayers(PROCESS)
            .whereLayer(JOBSERVER).mayOnlyAccessLayers(SYNTAX, CLI, PROCESS)
            .whereLayer(EVAL).mayOnlyAccessLayers(SYNTAX, UI, ARCHIVE)
            .whereLayer(GRAPH).mayOnlyAccessLayers(SYNTAX, UI, ARCHIVE, EVAL)
            .whereLayer(REPORT).mayOnlyAccessLayers(SYNTAX, UI, EVAL, GRAPH)
            .whereLayer(BUILD).mayOnlyAccessLayers(SYNTAX, UI, ARCHIVE, CLI, PROCESS, TRACE, JOBSERVER, EVAL, GRAPH,
                    REPORT)
            .whereLayer(WATCH).mayOnlyAccessLayers(EVAL, BUILD)
            .whereLayer(SERVER).mayOnlyAccessLayers(SYNTAX, PROCESS, WIRE)
            .whereLayer(INVOCATION).mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule stagesHaveNoCycles = slices().matching("dev.jmake.(*)..").should().beFreeOfCycles();
}
