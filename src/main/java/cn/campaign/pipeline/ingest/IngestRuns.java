package cn.campaign.pipeline.ingest;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code ingest.run}: one row for every nightly or rerun, created before its job starts. */
@Component
public class IngestRuns {

    private final JdbcTemplate jdbc;

    public IngestRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new run of {@code command} on {@code inbox}; returns its id. */
    public long start(String command, String inbox) {
        return jdbc.queryForObject("insert into ingest.run (command, inbox) values (?, ?) returning run_id", Long.class,
                command, inbox);
    }
}
