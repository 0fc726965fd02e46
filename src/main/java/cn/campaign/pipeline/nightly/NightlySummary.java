package cn.campaign.pipeline.nightly;

import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The end-of-run summary on the console: files and rows by outcome, top codes, speed. */
@Component
public class NightlySummary {

    private static final SqlFile RUN_SUMMARY = SqlFile.of("report/run_summary");
    private static final SqlFile TOP_CODES = SqlFile.of("nightly/top_reject_codes");

    private final NamedParameterJdbcTemplate jdbc;

    public NightlySummary(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public void print(long runId, Duration elapsed, PrintStream out) {
        Map<String, Object> run = Map.of("runId", runId);
        List<Map<String, Object>> outcomes = jdbc.queryForList(RUN_SUMMARY.query(), run);
        long files = 0;
        long read = 0;
        long loaded = 0;
        long duplicate = 0;
        long rejected = 0;
        StringBuilder byOutcome = new StringBuilder();
        for (Map<String, Object> outcome : outcomes) {
            long count = ((Number) outcome.get("files")).longValue();
            files += count;
            read += ((Number) outcome.get("rows_read")).longValue();
            loaded += ((Number) outcome.get("rows_loaded")).longValue();
            duplicate += ((Number) outcome.get("rows_duplicate")).longValue();
            rejected += ((Number) outcome.get("rows_rejected")).longValue();
            byOutcome.append(byOutcome.isEmpty() ? "" : ", ").append(outcome.get("outcome")).append(' ').append(count);
        }
        out.printf("run %d: %d new file(s)%s%n", runId, files, files == 0 ? "" : " — " + byOutcome);
        out.printf("  rows: %d read = %d loaded + %d duplicate + %d rejected%n", read, loaded, duplicate, rejected);
        List<String> codes = jdbc.query(TOP_CODES.query(), run,
                (rs, i) -> rs.getString("code") + " " + rs.getLong("occurrences"));
        if (!codes.isEmpty()) {
            out.println("  top codes: " + String.join(", ", codes));
        }
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        out.printf("  %.1f s, %.0f rows/s%n", seconds, read / seconds);
    }
}
