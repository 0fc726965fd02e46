package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.operation.PipelineFailure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands the readers the registry version in force, read from the warehouse once per version
 * and shared by every reader thread of the process. Registry loads hold the pipeline lock, so
 * the version cannot change while a run reads.
 */
@Component
public class RegistrySnapshots {

    private final JdbcTemplate jdbc;
    private RegistrySnapshot current;

    public RegistrySnapshots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fails, before a run records anything, when no registry was ever loaded: every file
     * would be quarantined as from an unknown precinct (F02).
     */
    public void requireLoaded() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists (select from registry.load)", Boolean.class))) {
            throw new PipelineFailure("no registry is loaded: load it with jobs/reference DIR before the first run");
        }
    }

    public synchronized RegistrySnapshot current() {
        Long loadId = jdbc.queryForObject("select max(load_id) from registry.load", Long.class);
        long version = loadId == null ? 0 : loadId;
        if (current == null || current.loadId() != version) {
            current = RegistrySnapshot.read(jdbc, version);
        }
        return current;
    }
}
