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
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
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
    private static final SqlFile LISTING_MARK = SqlFile.of("ingest/listing_mark");
    private static final SqlFile SAVE_LISTING_MARK = SqlFile.of("ingest/save_listing_mark");

    private final long runId;
    private final Path inbox;
    private final int partitions;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;
    private final RerunRange rerun;
    private final Duration listingMargin;

    /** {@code rerun} is null for a nightly run, else the submission dates to read again. */
    InboxDiscoveryTasklet(long runId, Path inbox, RerunRange rerun, int partitions, Duration listingMargin,
                          DataSource dataSource) {
        this.runId = runId;
        this.inbox = inbox;
        this.rerun = rerun;
        this.partitions = partitions;
        this.listingMargin = listingMargin;
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
        Instant changedSince = rerun == null ? changedSince() : null;
        Listing listed = listInbox(connection, changedSince);
        if (rerun == null && listed.lastChange() != null) {
            // the next night compares only what changed since a while before the last change seen
            jdbc.update(SAVE_LISTING_MARK.query(), Map.of("inbox", inbox.toString(),
                    "changedSince", Timestamp.from(listed.lastChange().minus(listingMargin))));
        }
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
        log.info("run {}: {} files in {} ({} changed since {}), {} not seen before", runId, listed.files(), inbox,
                listed.compared(), changedSince == null ? "ever" : changedSince, arrivals.size());
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

    /**
     * Lists the inbox and sends the database only the files that may be new: all of them on a
     * first night (or where the file system keeps no change time), else those whose change
     * time — set when a file is created, renamed or written, whatever its modified time says —
     * is not before {@code changedSince}. A night's cost then follows its new files, not the
     * months of files the inbox keeps.
     */
    private Listing listInbox(Connection connection, Instant changedSince) throws IOException, SQLException {
        boolean changeTimes = inbox.getFileSystem().supportedFileAttributeViews().contains("unix");
        long files = 0;
        Instant lastChange = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox);
             CopyRows copy = CopyRows.into(connection, "ingest.listing", "file_name, size_bytes, modified_at")) {
            for (Path entry : entries) {
                if (rerun != null && !rerun.includes(entry.getFileName().toString())) {
                    continue;
                }
                EntryFacts facts = EntryFacts.of(entry, changeTimes);
                if (!facts.regularFile()) {
                    log.warn("skipping {}: not a regular file", entry.getFileName());
                    continue;
                }
                files++;
                if (facts.changed() != null) {
                    Instant changed = facts.changed().toInstant();
                    lastChange = lastChange == null || changed.isAfter(lastChange) ? changed : lastChange;
                    if (changedSince != null && changed.isBefore(changedSince)) {
                        continue;
                    }
                }
                Instant modified = facts.modified().toInstant().truncatedTo(ChronoUnit.MICROS);
                copy.add(entry.getFileName().toString()).add(facts.size()).add(modified.toString());
                copy.endRow();
            }
            return new Listing(files, copy.finish(), lastChange);
        }
    }

    /** Where the last night's listing of this inbox says to start comparing; null: compare every file. */
    private Instant changedSince() {
        List<Timestamp> mark = jdbc.queryForList(LISTING_MARK.query(), Map.of("inbox", inbox.toString()), Timestamp.class);
        return mark.isEmpty() ? null : mark.get(0).toInstant();
    }

    /**
     * What the listing needs of an inbox entry, from one stat call: the inbox keeps months of
     * files, and every one of them is looked at every night. {@code changed} (the change time) is
     * null where the file system keeps none.
     */
    private record EntryFacts(boolean regularFile, long size, FileTime modified, FileTime changed) {

        static EntryFacts of(Path entry, boolean changeTimes) throws IOException {
            if (!changeTimes) {
                BasicFileAttributes basic = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return new EntryFacts(basic.isRegularFile(), basic.size(), basic.lastModifiedTime(), null);
            }
            Map<String, Object> unix = Files.readAttributes(entry, "unix:isRegularFile,size,lastModifiedTime,ctime",
                    LinkOption.NOFOLLOW_LINKS);
            return new EntryFacts((Boolean) unix.get("isRegularFile"), (Long) unix.get("size"),
                    (FileTime) unix.get("lastModifiedTime"), (FileTime) unix.get("ctime"));
        }
    }

    /** The files listed, those compared with the ledger, and the latest change time seen. */
    private record Listing(long files, long compared, Instant lastChange) {
    }

    private record NewFile(String name, long size, Timestamp modified) {
    }
}
