package cn.campaign.pipeline.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The worker of one partition: each call reads the partition's next few pending files (a
 * property) in one transaction (the chunk transaction of this tasklet step) and marks each
 * staged or quarantined. A restart finds the files still pending and reads only those; a
 * file's rows and its new state commit together, so no file is staged twice.
 */
class IngestFilesTasklet implements Tasklet {

    private final Path inbox;
    private final int partition;
    private final int filesPerTransaction;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final IngestRuns runs;
    private final SubmissionFileReader reader;
    private Long runId;

    IngestFilesTasklet(Path inbox, int partition, int filesPerTransaction, LocalDate campaignStart,
                       DataSource dataSource, IngestRuns runs) {
        this.inbox = inbox;
        this.filesPerTransaction = filesPerTransaction;
        this.partition = partition;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.runs = runs;
        this.reader = new SubmissionFileReader(campaignStart);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (runId == null) {
            runId = runs.runOf(chunkContext.getStepContext().getStepExecution());
        }
        List<PendingFile> next = jdbc.query("""
                select file_id, file_name, sha256, precinct_code, submission_date, kind
                from ingest.file
                where run_id = ? and partition_no = ? and state = 'pending'
                order by file_name
                limit ?""", (rs, i) -> new PendingFile(rs.getLong("file_id"), rs.getString("file_name"),
                rs.getString("sha256"), rs.getString("precinct_code"), rs.getObject("submission_date", LocalDate.class),
                SubmissionKind.of(rs.getString("kind"))), runId, partition, filesPerTransaction);
        if (next.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        for (PendingFile file : next) {
            FileReadResult result = reader.read(inbox.resolve(file.fileName()), file, connection);
            if (result.quarantineCode() != null) {
                jdbc.update("update ingest.file set state = 'quarantined', code = ?, detail = ?, encoding = ? where file_id = ?",
                        result.quarantineCode().name(), result.detail(), result.encoding(), file.fileId());
            } else {
                jdbc.update("update ingest.file set state = 'staged', encoding = ?, rows_read = ? where file_id = ?",
                        result.encoding(), result.rowsRead(), file.fileId());
                contribution.incrementWriteCount(result.rowsRead());
            }
        }
        return RepeatStatus.CONTINUABLE;
    }
}
