package cn.campaign.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exit codes of contract section 7, through the real entry point and a fresh context. */
class PipelineApplicationExitCodeTest {

    private final String isolated = "target/test-var/exit-codes-" + System.nanoTime();

    @Test
    void wrongUsageExitsTwoWithTheUsage() {
        Run run = run("reference");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("usage:").contains("jobs/reference DIR");

        Run export = run("export", "--from", "2026-02-01", "--to", "2026-02-03", "--level", "town");
        assertThat(export.exitCode).isEqualTo(2);
        assertThat(export.stderr).contains("error: --level must be one of precinct, county, city, region: town")
                .contains("jobs/export --from D --to D [--level L] [--out FILE]");
    }

    @Test
    void aGoodRegistryExitsZeroAndABadOneExitsOneWithoutAStackTrace() {
        Run good = run("reference", "src/test/resources/registry/good",
                "--pipeline.embedded.data-dir=" + isolated + "/pg", "--pipeline.var-dir=" + isolated);
        assertThat(good.exitCode).isEqualTo(0);
        assertThat(good.stdout).contains("registry version 1 loaded");

        Run missing = run("reference", isolated + "/nowhere",
                "--pipeline.embedded.data-dir=" + isolated + "/pg", "--pipeline.var-dir=" + isolated);
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.stderr).contains("error: " + Path.of(isolated, "nowhere").toAbsolutePath() + ": registry folder not found")
                .doesNotContain("\tat ");
    }

    @Test
    void aNightlyBeforeAnyRegistryExitsOneSayingSoAndRecordsNoRun() throws IOException {
        String inbox = Files.createDirectories(Path.of(isolated, "inbox")).toString();
        String[] warehouse = {"--pipeline.embedded.data-dir=" + isolated + "/pg", "--pipeline.var-dir=" + isolated};

        Run beforeRegistry = run(concat(new String[] {"nightly", "--inbox", inbox}, warehouse));

        assertThat(beforeRegistry.exitCode).isEqualTo(1);
        assertThat(beforeRegistry.stderr)
                .startsWith("error: no registry is loaded: load it with jobs/reference DIR before the first run\n")
                .doesNotContain("\tat ");
        // and once the registry is loaded, the first nightly is run 1, with nothing to resume
        assertThat(run(concat(new String[] {"reference", "src/test/resources/registry/good"}, warehouse)).exitCode).isZero();
        Run afterRegistry = run(concat(new String[] {"nightly", "--inbox", inbox}, warehouse));
        assertThat(afterRegistry.exitCode).as(afterRegistry.stderr).isZero();
        assertThat(afterRegistry.stdout).contains("run 1:").doesNotContain("resuming");
    }

    @Test
    void aWorkerOrARemoteNightWithoutTheSharedWarehouseExitsTwoSayingSo() {
        for (String command : new String[] {"worker", "nightly"}) {
            Run run = run(command, "--broker=tcp://localhost:61616", "--pipeline.var-dir=" + isolated);
            assertThat(run.exitCode).isEqualTo(2);
            assertThat(run.stderr).isEqualTo("error: " + command + " with --broker needs the shared warehouse: set "
                    + "SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD)\n");
        }
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray(String[]::new);
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = PipelineApplication.run(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
