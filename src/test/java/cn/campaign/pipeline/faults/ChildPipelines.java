package cn.campaign.pipeline.faults;

import cn.campaign.pipeline.bench.PipelineProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real pipeline in child JVMs for the fault-injection tests ({@link PipelineProcess}, as
 * the benchmark runs it), started to start quickly, with the two things the tests do to a
 * running child: wait for a line of its output, and kill it with -9.
 */
final class ChildPipelines {

    /** Quick to start: these runs are short, and there are many. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xshare:auto");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private ChildPipelines() {
    }

    /** Starts the command on {@code home}'s own database and var folder. */
    static PipelineProcess start(Path home, String... arguments) {
        return PipelineProcess.start(home, "run-" + System.nanoTime(), JVM_OPTIONS, List.of(arguments), TIMEOUT);
    }

    /** Runs the command to its end. */
    static PipelineProcess run(Path home, String... arguments) {
        PipelineProcess process = start(home, arguments);
        process.exitCode();
        return process;
    }

    /** Waits until the child prints the line, or fails after a minute or when it ended without. */
    static void awaitOutput(PipelineProcess process, String line) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!process.stdout().contains(line)) {
            if (!process.handle().isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("never printed \"" + line + "\": " + process.stdout() + process.stderr());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** kill -9: no shutdown hook runs, the embedded PostgreSQL is orphaned, executions stay STARTED. */
    static void kill(PipelineProcess process) {
        process.handle().destroyForcibly();
        process.exitCode();
    }
}
