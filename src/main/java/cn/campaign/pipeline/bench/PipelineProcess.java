package cn.campaign.pipeline.bench;

import cn.campaign.pipeline.PipelineApplication;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One pipeline command ({@code reference}, {@code nightly}, {@code rerun}, …) run in a child
 * JVM exactly as {@code jobs/…} runs it, on the embedded PostgreSQL of {@code <home>/pg} with
 * the var folder {@code <home>/var}, its standard output and error kept in {@code
 * <home>/var/<label>.out} and {@code .err}. The benchmark measures its runs with it, the
 * fault-injection tests kill and restart theirs. The child gets the unpacked application jar
 * and its class-data-sharing archive, as run-pipeline starts it ({@link #launcher(List)}), a UTF-8
 * locale, and never a SPRING_DATASOURCE_URL or CAMPAIGN_START_DATE from the environment:
 * whoever starts it builds its warehouse from scratch, which must never happen to someone's
 * database. A child still running at its timeout is killed, with the embedded PostgreSQL it
 * started, and fails saying so: a hung child never hangs the benchmark or the build.
 */
public final class PipelineProcess {

    /** The system property naming the unpacked application jar the children run. */
    private static final String APPLICATION_JAR = "pipeline.application-jar";
    private static final Pattern CLASS_FILE_HOOKS = Pattern.compile("-javaagent|-agentlib|-agentpath|StartFlightRecording");

    private final String label;
    private final List<String> arguments;
    private final Path home;
    private final Duration timeout;
    private final Path stdout;
    private final Path stderr;
    private final Process process;
    private final long startedNanos;
    private final long startedMillis;
    /** Completes with the time the child ended. */
    private final CompletableFuture<Long> ended;

    private PipelineProcess(String label, List<String> arguments, Path home, Duration timeout, Path stdout, Path stderr,
                            Process process, long startedNanos, long startedMillis) {
        this.label = label;
        this.arguments = arguments;
        this.home = home;
        this.timeout = timeout;
        this.stdout = stdout;
        this.stderr = stderr;
        this.process = process;
        this.startedNanos = startedNanos;
        this.startedMillis = startedMillis;
        this.ended = process.onExit().thenApply(exited -> System.nanoTime());
    }

    /**
     * Starts {@code java <jvmOptions> … <arguments>} on {@code home}'s database and var folder.
     *
     * @param label     names the run in its output files and in failures; unique within {@code home}
     * @param arguments the command and its arguments, Spring properties ({@code --name=value}) included
     */
    public static PipelineProcess start(Path home, String label, List<String> jvmOptions, List<String> arguments,
                                        Duration timeout) {
        try {
            Path varDir = home.resolve("var");
            Files.createDirectories(varDir.resolve("logs"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(launcher(jvmOptions));
            command.addAll(arguments);
            command.add("--pipeline.embedded.data-dir=" + home.resolve("pg"));
            command.add("--pipeline.var-dir=" + varDir);
            Path out = varDir.resolve(label + ".out");
            Path err = varDir.resolve(label + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            for (String variable : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD", "CAMPAIGN_START_DATE")) {
                environment.remove(variable);
            }
            // file names in Chinese reach the child intact, as jobs/lib/run-pipeline makes sure
            environment.put("LC_ALL", "C.UTF-8");
            long startedMillis = System.currentTimeMillis();
            long startedNanos = System.nanoTime();
            return new PipelineProcess(label, List.copyOf(arguments), home, timeout, out, err, builder.start(),
                    startedNanos, startedMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the child to end and returns its exit code. One still running at its timeout
     * is killed with its embedded PostgreSQL, and this fails naming it, its timeout and the
     * end of its output.
     */
    public int exitCode() {
        try {
            long left = timeout.toNanos() - (System.nanoTime() - startedNanos);
            if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
                killWithDatabase();
                throw new IllegalStateException(label + " (" + String.join(" ", arguments) + ") did not finish in "
                        + minutes(timeout) + " and was killed; its output, in " + stdout + " and " + stderr.getFileName()
                        + ", ends:\n" + tail(stdout() + stderr(), 20));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(label + " was interrupted", e);
        }
    }

    /** From the start to the end of the child (JVM start, Spring, PostgreSQL and Flyway included), once it ended. */
    public Duration wall() {
        exitCode();
        return Duration.ofNanos(ended.join() - startedNanos);
    }

    public String label() {
        return label;
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** The child JVM, to watch or to end otherwise than by its timeout. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The log file the run wrote under var/logs ({@code <command>-<time>.log}). */
    public Path log() throws IOException {
        String commandName = arguments.get(0);
        Path logs = home.resolve("var").resolve("logs");
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(log -> log.getFileName().toString().startsWith(commandName + "-"))
                    .filter(log -> log.toFile().lastModified() >= startedMillis - 1000)
                    .max(Comparator.comparingLong(log -> log.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no log of " + commandName + " in " + logs));
        }
    }

    /**
     * Kills the child JVM and what it started: its descendants, and the embedded PostgreSQL
     * of its data folder, which pg_ctl leaves outside the child's process tree.
     */
    private void killWithDatabase() throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        Path pidFile = home.resolve("pg").resolve("postmaster.pid");
        Optional<ProcessHandle> server;
        try {
            server = Files.exists(pidFile) ? Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim).filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(handle -> handle.info().command().map(command -> command.contains("postgres")).orElse(false))
                    : Optional.empty();
        } catch (IOException e) {
            // the server is gone with its pid file
            return;
        }
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

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The application as jobs/lib/run-pipeline starts it: the unpacked jar (jobs/lib/app-image)
     * that this JVM runs (jobs/bench) or that the build names for the tests that start children
     * ({@value #APPLICATION_JAR}), with its class-data-sharing archive when there is one, which
     * halves a child's start; else the main class on this JVM's class path (a test in an IDE).
     * An archive this java cannot map is ignored without a word, as by run-pipeline; none with
     * a Java agent or a flight recording from the start, on which Java 17 crashes with it.
     */
    private static List<String> launcher(List<String> jvmOptions) throws IOException {
        String classPath = System.getProperty(APPLICATION_JAR, System.getProperty("java.class.path"));
        List<String> launcher = new ArrayList<>();
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && isTheApplication(classPath)
                && !classFileHooks(jvmOptions)) {
            Path archive = Path.of(classPath.substring(0, classPath.length() - ".jar".length()) + ".jsa");
            if (Files.exists(archive)) {
                launcher.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
        }
        launcher.addAll(List.of("-cp", classPath, PipelineApplication.class.getName()));
        return launcher;
    }

    /**
     * Whether the child would start with a Java agent or a flight recording, whose class-file
     * hook crashes Java 17 on the archived classes of multi-release jars (JDK-8343427), as
     * jobs/lib/run-pipeline checks too.
     */
    private static boolean classFileHooks(List<String> jvmOptions) {
        String options = String.join(" ", jvmOptions) + " " + System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "")
                + " " + System.getenv().getOrDefault("JDK_JAVA_OPTIONS", "");
        return CLASS_FILE_HOOKS.matcher(options).find();
    }

    /** Whether the jar is the unpacked application, not a test runner's class-path jar. */
    private static boolean isTheApplication(String path) throws IOException {
        try (JarFile jar = new JarFile(path)) {
            return jar.getManifest() != null
                    && PipelineApplication.class.getName().equals(jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }
}
