package cn.campaign.pipeline.bench;

import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.warehouse.CopyRows;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The physical floor of a night: the same files' rows copied into PostgreSQL with nothing
 * else done. Each file is read and decoded (UTF-8, after a BOM, or else GB18030), its
 * physical lines after the header split at every comma (no quoting, no trimming, no
 * checks) and streamed with {@link CopyRows}, the pipeline's own COPY writer, over the same
 * JDBC driver into a table without index or constraint, one per kind: UNLOGGED (the floor
 * the targets are measured against), or logged to show what writing WAL adds. The files
 * are shared by as many threads as the pipeline uses, each with its own connection,
 * committing every {@value #FILES_PER_TRANSACTION} files like the pipeline's partitions.
 */
final class FloorLoad {

    record Result(long files, long rows, Duration elapsed) {
    }

    private static final String SCHEMA = "bench_floor";
    private static final int FILES_PER_TRANSACTION = 20;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private FloorLoad() {
    }

    /** Copies every file of {@code dir} and drops the floor tables again, so that they leave nothing behind. */
    static Result run(DataSource dataSource, Path dir, int threads, boolean logged) throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted().toList();
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
            for (SubmissionKind kind : SubmissionKind.values()) {
                StringBuilder columns = new StringBuilder("file_name text, line_no integer");
                for (int i = 1; i <= kind.columns().size(); i++) {
                    columns.append(", c").append(i).append(" text");
                }
                statement.execute("create " + (logged ? "" : "unlogged ") + "table " + SCHEMA + "." + kind.fileKind()
                        + " (" + columns + ")");
            }
        }
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long rows = 0;
        try {
            List<Future<Long>> shares = new ArrayList<>();
            for (int share = 0; share < threads; share++) {
                List<Path> mine = new ArrayList<>();
                for (int i = share; i < files.size(); i += threads) {
                    mine.add(files.get(i));
                }
                shares.add(pool.submit(() -> copyAll(dataSource, mine)));
            }
            for (Future<Long> share : shares) {
                rows += share.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema " + SCHEMA + " cascade");
        }
        return new Result(files.size(), rows, elapsed);
    }

    private static long copyAll(DataSource dataSource, List<Path> files) throws SQLException, IOException {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int inTransaction = 0;
            for (Path file : files) {
                rows += copy(connection, file);
                if (++inTransaction == FILES_PER_TRANSACTION) {
                    connection.commit();
                    inTransaction = 0;
                }
            }
            connection.commit();
        }
        return rows;
    }

    private static long copy(Connection connection, Path file) throws SQLException, IOException {
        String name = file.getFileName().toString();
        String kind = name.substring(name.lastIndexOf('_') + 1, name.length() - ".csv".length());
        int columns = SubmissionKind.of(kind).columns().size();
        String text = decode(Files.readAllBytes(file));
        StringBuilder copyColumns = new StringBuilder("file_name, line_no");
        for (int i = 1; i <= columns; i++) {
            copyColumns.append(", c").append(i);
        }
        try (CopyRows copy = CopyRows.into(connection, SCHEMA + "." + kind, copyColumns.toString())) {
            int lineNo = 0;
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
                lineNo++;
                if (lineNo > 1 && stop > start) {
                    copy.add(name).add(lineNo);
                    int field = start;
                    for (int column = 0; column < columns; column++) {
                        if (field > stop) {
                            copy.add((String) null);
                            continue;
                        }
                        int comma = text.indexOf(',', field);
                        int fieldEnd = comma < 0 || comma > stop ? stop : comma;
                        copy.add(text.substring(field, fieldEnd));
                        field = fieldEnd + 1;
                    }
                    copy.endRow();
                }
                start = end + 1;
            }
            return copy.finish();
        }
    }

    private static String decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int offset = bom ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }
}
