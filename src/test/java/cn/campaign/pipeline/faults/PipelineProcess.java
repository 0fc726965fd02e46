package cn.campaign.pipeline.faults;

import cn.campaign.pipeline.PipelineApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real pipeline in a child JVM, as jobs/… runs it: its own warehouse folder, its output captured. */
final class PipelineProcess {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private PipelineProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static PipelineProcess start(Path home, List<String> arguments) {
        try {
            Files.createDirectories(home);
            List<String> command = new ArrayList<>(List.of(
                    // quick to start: these runs are short, and there are many
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), PipelineApplication.class.getName()));
            command.addAll(arguments);
            command.add("--pipeline.embedded.data-dir=" + home.resolve("pg"));
            command.add("--pipeline.var-dir=" + home.resolve("var"));
            String name = "run-" + System.nanoTime();
            Path out = home.resolve(name + ".out");
            Path err = home.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            return new PipelineProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end; returns the exit code. */
    static PipelineProcess run(Path home, String... arguments) {
        PipelineProcess process = start(home, List.of(arguments));
        process.exitCode();
        return process;
    }

    int exitCode() {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("pipeline did not finish in 5 minutes: " + stdout());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the process prints the line, or fails after a minute. */
    void awaitOutput(String line) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!stdout().contains(line)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("never printed \"" + line + "\": " + stdout() + stderr());
            }
            sleep(50);
        }
    }

    /** kill -9: no shutdown hook runs, the embedded PostgreSQL is orphaned, executions stay STARTED. */
    void kill() {
        process.destroyForcibly();
        exitCode();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
