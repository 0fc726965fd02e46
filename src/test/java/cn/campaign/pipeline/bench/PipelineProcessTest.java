package cn.campaign.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A child JVM still running at its timeout is killed with its embedded PostgreSQL, and fails
 * saying so; one started with a flight recording runs without the class archive.
 */
@Tag("child-jvm")
class PipelineProcessTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aChildRunStillGoingAfterItsTimeoutIsKilledWithItsDatabaseAndFailsSayingSo() throws IOException {
        // given a child that never ends by itself (jobs/warehouse serves until Ctrl-C), with a timeout of 15 s
        Path home = Path.of("target/pipeline-process", UUID.randomUUID().toString()).toAbsolutePath();
        PipelineProcess child = PipelineProcess.start(home, "hung", List.of("-Xmx512m"), List.of("warehouse"),
                Duration.ofSeconds(15));

        // when it is waited for
        long started = System.nanoTime();
        Throwable failure = catchThrowable(child::exitCode);

        // then it fails naming the run and its timeout, soon after the timeout
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hung (warehouse) did not finish in 15 s and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(90));
        // and neither the child JVM nor its embedded PostgreSQL is left running
        List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(home.toString())).toList();
        assertThat(left).isEmpty();
        Path pidFile = home.resolve("pg/postmaster.pid");
        if (Files.exists(pidFile)) {
            long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).as("postmaster " + postmaster).isEmpty();
        }
    }

    @Test
    void aChildWithAFlightRecordingFromItsStartRunsWithoutTheClassArchiveAndCompletes() {
        // given a child started with a flight recording, whose class-file hook crashes Java 17
        // on the archived classes of multi-release jars
        Path home = Path.of("target/pipeline-process", UUID.randomUUID().toString()).toAbsolutePath();
        List<String> recording = List.of("-Xmx512m", "-XX:StartFlightRecording=filename=" + home.resolve("run.jfr"));

        // when it runs a command
        PipelineProcess child = PipelineProcess.start(home, "recorded", recording,
                List.of("reference", Path.of("src/test/resources/registry/good").toAbsolutePath().toString()),
                Duration.ofMinutes(3));

        // then it completes, recorded
        assertThat(child.exitCode()).as(child.stdout() + child.stderr()).isZero();
        assertThat(child.stdout()).contains("registry version 1 loaded");
        assertThat(home.resolve("run.jfr")).exists();
    }
}
