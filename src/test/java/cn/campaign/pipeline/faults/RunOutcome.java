package cn.campaign.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What runs leave behind, to compare a disturbed run with an undisturbed one: every core and
 * mart table, the ledger and the rejects, as sorted text; and what the run wrote for people,
 * the feedback files and the report.
 */
final class RunOutcome {

    private static final List<String> TABLES = List.of(
            "core.visit_row", "core.visit", "core.visit_key", "core.visit_beaten", "core.inspection_row",
            "core.inspection", "core.inspection_key", "core.inspection_beaten", "core.winners_per_day",
            "core.dispute_snapshot", "core.hazard_snapshot", "core.ledger_item", "core.target_first_visit",
            "core.ledger_event", "core.ledger_per_day", "mart.precinct_daily", "mart.daily_org_metrics");

    private RunOutcome() {
    }

    /** Part by part (a table, the ledger, the feedback files...), so that a difference names its part and rows. */
    static void assertSame(Map<String, List<String>> actual, Map<String, List<String>> expected, String description) {
        assertThat(actual.keySet()).as(description).containsExactlyElementsOf(expected.keySet());
        expected.forEach((part, rows) -> assertThat(actual.get(part)).as("%s: %s", description, part)
                .containsExactlyElementsOf(rows));
    }

    /** The warehouse at {@code jdbcUrl} (user postgres) and the var folder {@code var}. */
    static Map<String, List<String>> of(String jdbcUrl, Path var) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (String table : TABLES) {
                dump.put(table, rows(connection, "select t::text from " + table + " t order by 1"));
            }
            dump.put("ledger", rows(connection, "select concat_ws(' ', file_name, outcome, code, rows_read, rows_loaded, "
                    + "rows_duplicate, rows_rejected) from ingest.file_ledger order by 1"));
            dump.put("rejects", rows(connection, "select concat_ws(' ', file_name, line_no, codes, raw_line) "
                    + "from ingest.rejected_rows order by 1"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        dump.putAll(outputs(var));
        return dump;
    }

    /**
     * {@code var/feedback/<run>/<precinct>.csv}: each precinct's file and its bytes, whatever
     * run folder holds it (a precinct listed twice would show); {@code var/reports/<date>.html}:
     * each page's name and the hash of its bytes, with the two things that name the run rather
     * than describe the data made neutral: the time it was generated, and the run's number (also
     * in the links to its feedback files).
     */
    private static Map<String, List<String>> outputs(Path var) {
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        List<String> feedback = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        try {
            Path feedbackDir = var.resolve("feedback");
            if (Files.isDirectory(feedbackDir)) {
                try (Stream<Path> files = Files.walk(feedbackDir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        feedback.add(file.getFileName() + "\n" + new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                    }
                }
            }
            Path reportsDir = var.resolve("reports");
            if (Files.isDirectory(reportsDir)) {
                try (Stream<Path> files = Files.list(reportsDir)) {
                    for (Path file : files.toList()) {
                        String page = Files.readString(file, StandardCharsets.UTF_8)
                                .replaceAll("(generated at <span>)[^<]*(</span>)", "$1…$2")
                                .replaceAll("(运行 run <b>)\\d+(</b>)", "$1…$2")
                                .replaceAll("\\.\\./feedback/\\d+/", "../feedback/…/");
                        reports.add(file.getFileName() + " sha-256 " + sha256(page));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        feedback.sort(null);
        reports.sort(null);
        outputs.put("var/feedback", feedback);
        outputs.put("var/reports", reports);
        return outputs;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
