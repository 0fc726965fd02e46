package cn.campaign.pipeline.bench;

import cn.campaign.pipeline.PipelineApplication;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A pipeline command ({@code reference}, {@code nightly}, {@code rerun}) run in a child JVM exactly as
 * {@code jobs/…} runs it, on the benchmark's own embedded PostgreSQL and var folder, with
 * a GC log to read the peak heap from. The child gets the same jar (or, under a test, the
 * same class path) as this JVM, and never a SPRING_DATASOURCE_URL: the benchmark builds
 * its warehouse from scratch, which it must never do to someone's database. A child that
 * has not finished within its timeout is killed, with the embedded PostgreSQL it started,
 * and the run fails saying so: a hung child never hangs the benchmark or the build.
 */
final class PipelineProcess {

    /** What one run took: its exit code, wall time of the process, its console, the run's log and its GC log. */
    record Outcome(String label, int exitCode, Duration wall, String console, Path log, Path gcLog) {
    }

    private final Path dataDir;
    private final Path varDir;
    private final LocalDate campaignStart;
    private final Duration timeout;

    PipelineProcess(Path dataDir, Path varDir, LocalDate campaignStart, Duration timeout) {
        this.dataDir = dataDir;
        this.varDir = varDir;
        this.campaignStart = campaignStart;
        this.timeout = timeout;
    }

    Outcome run(String label, String heap, String... arguments) throws IOException, InterruptedException {
        Files.createDirectories(varDir.resolve("logs"));
        Path console = varDir.resolve(label + ".console.txt");
        Path gcLog = varDir.resolve(label + ".gc.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Xlog:gc,gc+heap+exit:file=" + gcLog);
        command.addAll(launcher());
        command.addAll(List.of(arguments));
        command.add("--pipeline.embedded.data-dir=" + dataDir);
        command.add("--pipeline.var-dir=" + varDir);
        command.add("--campaign.start-date=" + campaignStart);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile());
        Map<String, String> environment = builder.environment();
        for (String variable : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "CAMPAIGN_START_DATE")) {
            environment.remove(variable);
        }
        long started = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill(process);
            throw new IllegalStateException(label + " (" + String.join(" ", arguments) + ") did not finish in "
                    + minutes(timeout) + " (--timeout) and was killed; its output, in " + console + ", ends:\n"
                    + tail(Files.readString(console, StandardCharsets.UTF_8), 20));
        }
        int exit = process.exitValue();
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(console, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IllegalStateException(label + " exited with " + exit + ":\n" + output);
        }
        return new Outcome(label, exit, wall, output, newestLog(arguments[0], startedMillis), gcLog);
    }

    /**
     * Kills the child JVM and what it started: its descendants, and the embedded PostgreSQL
     * of its data folder, which pg_ctl leaves outside the child's process tree.
     */
    private void kill(Process process) throws IOException, InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false));
        if (server.isPresent()) {
            // a smart shutdown: the killed child's sessions are gone; forcibly if it does not stop
            server.get().destroy();
            try {
                server.get().onExit().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                server.get().destroyForcibly();
            }
        }
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** The log file the run wrote under var/logs ({@code <command>-<time>.log}). */
    private Path newestLog(String commandName, long startedMillis) throws IOException {
        try (Stream<Path> logs = Files.list(varDir.resolve("logs"))) {
            return logs.filter(log -> log.getFileName().toString().startsWith(commandName + "-"))
                    .filter(log -> log.toFile().lastModified() >= startedMillis - 1000)
                    .max(Comparator.comparingLong(log -> log.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no log of " + commandName + " in " + varDir.resolve("logs")));
        }
    }

    /**
     * {@code -jar} the Spring Boot jar this JVM was started from (jobs/bench), or else the
     * main class on this JVM's class path (a test).
     */
    private static List<String> launcher() throws IOException {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                if (jar.getEntry("BOOT-INF/classes/") != null) {
                    return List.of("-jar", classPath);
                }
            }
        }
        return List.of("-cp", classPath, PipelineApplication.class.getName());
    }
}
