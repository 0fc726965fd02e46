package cn.campaign.pipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generator and the two commands built on it ({@code demo}, {@code bench}) live beside
 * the pipeline: the pipeline never depends on them, and the generator on nothing of the
 * pipeline but the contract and the CSV reader.
 */
class GeneratorDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/cn/campaign/pipeline");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?cn\\.campaign\\.pipeline\\.(\\w+)",
            Pattern.MULTILINE);
    private static final List<String> BESIDE_THE_PIPELINE = List.of("generator", "demo", "bench");

    @Test
    void nothingInThePipelineDependsOnTheGeneratorTheDemoOrTheBenchmark() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path source : sources()) {
            // a package's folder, or the file itself for the application's own package
            String pkg = SOURCES.relativize(source).getName(0).toString();
            if (BESIDE_THE_PIPELINE.contains(pkg)) {
                continue;
            }
            for (String imported : imports(source)) {
                if (BESIDE_THE_PIPELINE.contains(imported)) {
                    offending.add(SOURCES.relativize(source) + " imports " + imported);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void theGeneratorUsesOfThePipelineOnlyTheContractAndTheCsvReader() throws IOException {
        List<String> offending = new ArrayList<>();
        for (Path source : sources()) {
            if (!SOURCES.relativize(source).getName(0).toString().equals("generator")) {
                continue;
            }
            for (String imported : imports(source)) {
                if (!List.of("generator", "contract", "csv").contains(imported)) {
                    offending.add(SOURCES.relativize(source) + " imports " + imported);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    /** The pipeline's top-level packages a source imports from. */
    private static List<String> imports(Path source) throws IOException {
        Matcher matcher = IMPORT.matcher(Files.readString(source, StandardCharsets.UTF_8));
        List<String> packages = new ArrayList<>();
        while (matcher.find()) {
            packages.add(matcher.group(1));
        }
        return packages;
    }
}
