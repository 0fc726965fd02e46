package cn.campaign.pipeline;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The data flow is the architecture (docs/architecture.md): packages depend one way only,
 * from the tools that drive the pipeline (demo, benchmark, generator) and the commands down
 * through the night and its stages, in the order data moves, to the contract, the CSV layer,
 * the warehouse and the settings at the bottom.
 */
class PackageLayersTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.campaign.pipeline");

    @Test
    void noPackageDependsOnAPackageThatDependsOnIt() {
        slices().matching("cn.campaign.pipeline.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void eachLayerIsUsedOnlyByTheLayersAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("tools").definedBy("..demo..", "..bench..", "..generator..")
                .layer("entry").definedBy("cn.campaign.pipeline")
                .layer("commands").definedBy("..command..")
                .layer("night").definedBy("..nightly..")
                .layer("report").definedBy("..report..")
                .layer("feedback").definedBy("..feedback..")
                .layer("metrics").definedBy("..metrics..")
                .layer("merge").definedBy("..merge..")
                .layer("ingest").definedBy("..ingest..")
                .layer("registry").definedBy("..registry..")
                .layer("contract").definedBy("..contract..")
                .layer("csv").definedBy("..csv..")
                .layer("warehouse").definedBy("..warehouse..")
                .layer("operation").definedBy("..operation..")
                // the demo and the benchmark drive the pipeline from outside: nothing in it uses them
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("entry").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("commands").mayOnlyBeAccessedByLayers("entry", "tools")
                .whereLayer("night").mayOnlyBeAccessedByLayers("entry", "commands", "tools")
                .whereLayer("report").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night")
                .whereLayer("feedback").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "report")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night")
                .whereLayer("merge").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "report",
                        "feedback", "metrics", "merge")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "ingest")
                .whereLayer("contract").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "report",
                        "feedback", "metrics", "merge", "ingest", "registry")
                .whereLayer("csv").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "report",
                        "feedback", "metrics", "merge", "ingest", "registry")
                .whereLayer("warehouse").mayOnlyBeAccessedByLayers("entry", "commands", "tools", "night", "report",
                        "feedback", "metrics", "merge", "ingest", "registry")
                .check(MAIN);
    }
}
