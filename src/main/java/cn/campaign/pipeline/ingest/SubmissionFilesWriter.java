package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.registry.RegistrySnapshot;
import cn.campaign.pipeline.registry.RegistrySnapshots;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Reads a chunk of pending files in the chunk's transaction and records each file's outcome,
 * its rows written with it: a restart finds the files still pending and reads only those.
 * Files come grouped by (precinct, date, kind), the highest version first
 * ({@link PendingFile}), so the versions of one group are decided in order (contract
 * sections 3 and 4): a file's own defects first; then F05, the same version as a file read
 * already; then stale, lower than a version read on an earlier night; otherwise it is read,
 * and its rows are written only if it is the highest version read — a lower one read the
 * same night is superseded, counted but not used.
 */
class SubmissionFilesWriter implements ItemWriter<PendingFile> {

    private final Path inbox;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RegistrySnapshots registries;
    private final SubmissionFileReader reader;
    /** The group being read, and the versions this writer has read of it (across chunks). */
    private String group;
    private final Map<Integer, String> groupVersionsRead = new HashMap<>();

    SubmissionFilesWriter(Path inbox, java.time.LocalDate campaignStart, DataSource dataSource,
                          RegistrySnapshots registries) {
        this.inbox = inbox;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.registries = registries;
        this.reader = new SubmissionFileReader(campaignStart);
    }

    @Override
    public void write(Chunk<? extends PendingFile> files) throws SQLException, IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        RegistrySnapshot registry = registries.current();
        List<FileOutcome> outcomes = new ArrayList<>();
        try (RowsWriter rows = new RowsWriter(connection)) {
            for (PendingFile file : files) {
                outcomes.add(read(file, registry, rows));
            }
            rows.finish();
        }
        jdbc.batchUpdate("""
                update ingest.file
                set state = ?, code = ?, detail = ?, encoding = ?,
                    rows_read = ?, rows_loaded = ?, rows_duplicate = ?, rows_rejected = ?
                where file_id = ?""", outcomes, outcomes.size(), (statement, outcome) -> {
            statement.setString(1, outcome.state());
            statement.setString(2, outcome.code() == null ? null : outcome.code().name());
            statement.setString(3, outcome.detail());
            statement.setString(4, outcome.encoding());
            statement.setLong(5, outcome.rowsRead());
            statement.setLong(6, outcome.rowsLoaded());
            statement.setLong(7, outcome.rowsDuplicate());
            statement.setLong(8, outcome.rowsRejected());
            statement.setLong(9, outcome.fileId());
        });
    }

    private FileOutcome read(PendingFile file, RegistrySnapshot registry, RowsWriter rows)
            throws SQLException, IOException {
        if (!file.group().equals(group)) {
            group = file.group();
            groupVersionsRead.clear();
        }
        Path path = inbox.resolve(file.fileName());
        SubmissionFileReader.FileCheck check = reader.check(path, file);
        if (!check.passed()) {
            return FileOutcome.quarantined(file.fileId(), check.code(), check.detail(), check.encoding());
        }
        String sameVersion = file.sameVersionFile() != null ? file.sameVersionFile() : groupVersionsRead.get(file.version());
        if (sameVersion != null) {
            return FileOutcome.quarantined(file.fileId(), RejectCode.F05,
                    "same precinct, date, kind and version as " + sameVersion + ", different content", check.encoding());
        }
        if (file.earlierNightVersion() != null && file.version() < file.earlierNightVersion()) {
            return FileOutcome.stale(file.fileId(), "version " + file.version() + " arrived after version "
                    + file.earlierNightVersion() + " (" + file.earlierNightFile() + ")", check.encoding());
        }
        boolean higherReadTonight = (file.thisRunVersion() != null && file.thisRunVersion() > file.version())
                || groupVersionsRead.keySet().stream().anyMatch(version -> version > file.version());
        FileOutcome outcome = reader.readRows(path, file, check, !higherReadTonight, registry, rows);
        groupVersionsRead.put(file.version(), file.fileName());
        return outcome;
    }
}
