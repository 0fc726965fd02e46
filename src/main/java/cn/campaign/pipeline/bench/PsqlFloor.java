package cn.campaign.pipeline.bench;

import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.generator.NationalDay;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The floor as anyone would measure it by hand: the system {@code psql} loads the measured
 * day's records, written by {@link NationalDay} as one UTF-8 CSV per kind with the
 * contract's English header and columns, with {@code \copy … with (format csv, header)}
 * into plain tables with the contract's columns (text, no index, no constraint), the four
 * kinds in one session and one transaction. The time is that of the psql process as a
 * whole, from its start to its exit; the tables are created before it starts.
 */
final class PsqlFloor {

    /** What the psql process loaded, in how long, and the client's version. */
    record Result(long rows, Duration elapsed, String version) {
    }

    private PsqlFloor() {
    }

    /** The {@code psql} on the PATH, if there is one. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path psql = Path.of(dir, "psql");
            if (Files.isRegularFile(psql) && Files.isExecutable(psql)) {
                return Optional.of(psql);
            }
        }
        return Optional.empty();
    }

    /**
     * Creates the floor tables, runs one psql session that copies every kind's CSV in
     * {@code copyDir} in one transaction, and checks that the tables then hold {@code
     * expectedRows} rows in all.
     */
    static Result run(DataSource dataSource, int port, Path psql, Path copyDir, long expectedRows) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (SubmissionKind kind : SubmissionKind.values()) {
                statement.execute("drop table if exists floor_" + kind.fileKind());
                statement.execute("create table floor_" + kind.fileKind() + " ("
                        + String.join(" text, ", kind.columnNames()) + " text)");
            }
        }
        StringBuilder script = new StringBuilder("\\set ON_ERROR_STOP on\nbegin;\n");
        for (SubmissionKind kind : SubmissionKind.values()) {
            script.append("\\copy floor_").append(kind.fileKind()).append(" from '")
                    .append(NationalDay.copyFile(copyDir, kind).toAbsolutePath().toString().replace("'", "''"))
                    .append("' with (format csv, header)\n");
        }
        script.append("commit;\n");
        Path scriptFile = copyDir.resolve("load.psql");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);

        String version = version(psql, copyDir);
        Path output = copyDir.resolve("psql.out");
        List<String> command = List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost",
                "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres", "-f", scriptFile.toString());
        long started = System.nanoTime();
        int exit = psqlProcess(command, output).waitFor();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        if (exit != 0) {
            throw new IllegalStateException("psql exited with " + exit + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }

        long rows = 0;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (SubmissionKind kind : SubmissionKind.values()) {
                try (ResultSet rs = statement.executeQuery("select count(*) from floor_" + kind.fileKind())) {
                    rs.next();
                    rows += rs.getLong(1);
                }
                statement.execute("drop table floor_" + kind.fileKind());
            }
        }
        if (rows != expectedRows) {
            throw new IllegalStateException("psql loaded " + rows + " rows, the CSV files hold " + expectedRows);
        }
        return new Result(rows, elapsed, version);
    }

    /** {@code psql (PostgreSQL) 15.18 …}: the version number. */
    private static String version(Path psql, Path dir) throws IOException, InterruptedException {
        Path output = dir.resolve("psql-version.out");
        Process process = psqlProcess(List.of(psql.toString(), "--version"), output);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroy();
            return "unknown version";
        }
        Matcher number = Pattern.compile("\\d+(?:\\.\\d+)+").matcher(Files.readString(output, StandardCharsets.UTF_8));
        return number.find() ? number.group() : "unknown version";
    }

    /**
     * psql with nothing from the environment but what the load needs: no PGOPTIONS, service
     * file or such of whoever runs the benchmark; the embedded server's password, UTF-8.
     */
    private static Process psqlProcess(List<String> command, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("PG"));
        environment.put("PGPASSWORD", "postgres");
        environment.put("PGCLIENTENCODING", "UTF8");
        environment.put("PGCONNECT_TIMEOUT", "30");
        return builder.start();
    }
}
