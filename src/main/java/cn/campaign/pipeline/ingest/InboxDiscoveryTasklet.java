package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.SubmissionFileName;
import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.csv.FileInspection;
import cn.campaign.pipeline.warehouse.CopyRows;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Discovery, in one transaction: list the inbox, hash the files not seen before, and
 * classify them set-based ({@code sql/ingest/classify_arrivals.sql}): F01, F02, duplicate
 * bytes, or pending for the partitions, whose day partitions it creates. A rerun lists only
 * the files of its dates and takes them all back to be read again. Only regular files directly in the
 * inbox are considered; links and folders are skipped, and names are data, never paths.
 */
class InboxDiscoveryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxDiscoveryTasklet.class);
    private static final SqlFile NEW_ARRIVALS = SqlFile.of("ingest/new_arrivals");
    private static final SqlFile RERUN_RESET = SqlFile.of("ingest/rerun_reset");
    private static final SqlFile CLASSIFY = SqlFile.of("ingest/classify_arrivals");

    private final long runId;
    private final Path inbox;
    private final int partitions;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final RerunRange rerun;

    /** {@code rerun} is null for a nightly run, else the submission dates to read again. */
    InboxDiscoveryTasklet(long runId, Path inbox, RerunRange rerun, int partitions, DataSource dataSource) {
        this.runId = runId;
        this.inbox = inbox;
        this.rerun = rerun;
        this.partitions = partitions;
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!Files.isDirectory(inbox)) {
            throw new PipelineFailure(inbox + ": inbox folder not found");
        }
        jdbc.getJdbcTemplate().execute("truncate ingest.listing, ingest.arrival");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long listed = listInbox(connection);
        // a listing of months of files: plan the comparison with the ledger on its real size
        jdbc.getJdbcTemplate().execute("analyze ingest.listing");
        List<NewFile> arrivals = jdbc.query(NEW_ARRIVALS.query(), Map.of("rerun", rerun != null), (rs, i) -> new NewFile(
                rs.getString("file_name"), rs.getLong("size_bytes"), rs.getTimestamp("modified_at")));
        try (CopyRows copy = CopyRows.into(connection, "ingest.arrival",
                "file_name, sha256, size_bytes, modified_at, precinct_code, submission_date, kind, version")) {
            for (NewFile arrival : arrivals) {
                String sha256 = hash(arrival);
                var name = SubmissionFileName.parse(arrival.name());
                copy.add(arrival.name()).add(sha256).add(arrival.size()).add(arrival.modified().toInstant().toString())
                        .add(name.map(SubmissionFileName::precinctCode).orElse(null))
                        .add(name.map(SubmissionFileName::submissionDate).orElse(null))
                        .add(name.map(SubmissionFileName::kind).orElse(null))
                        .add(name.map(SubmissionFileName::version).orElse(null));
                copy.endRow();
            }
            copy.finish();
        }
        Map<String, Object> parameters = Map.of("runId", runId, "partitions", partitions);
        if (rerun != null) {
            RERUN_RESET.execute(jdbc, parameters);
        }
        CLASSIFY.execute(jdbc, parameters);
        contribution.incrementWriteCount(arrivals.size());
        log.info("run {}: {} files in {}, {} not seen before", runId, listed, inbox, arrivals.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * A file that cannot be opened by its name (a name in another encoding, say) still gets
     * a ledger row; its placeholder hash never equals a real one, and reading it gives F03.
     */
    private String hash(NewFile arrival) {
        try {
            return FileInspection.sha256Of(inbox.resolve(arrival.name()));
        } catch (IOException e) {
            log.warn("cannot read {}: {}", arrival.name(), e.toString());
            return "unreadable:" + arrival.size() + ":" + arrival.modified().toInstant();
        }
    }

    private long listInbox(Connection connection) throws IOException, SQLException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox);
             CopyRows copy = CopyRows.into(connection, "ingest.listing", "file_name, size_bytes, modified_at")) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()) {
                    log.warn("skipping {}: not a regular file", entry.getFileName());
                    continue;
                }
                if (rerun != null && !rerun.includes(entry.getFileName().toString())) {
                    continue;
                }
                Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS);
                copy.add(entry.getFileName().toString()).add(attributes.size()).add(modified.toString());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private record NewFile(String name, long size, Timestamp modified) {
    }
}
