package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.operation.CampaignSettings;
import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import cn.campaign.pipeline.registry.RegistrySnapshots;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest stage's two steps: {@code discoverInboxStep} (list the inbox, hash what is new,
 * classify by name and bytes) and {@code ingestFilesStep} (read, check and write every pending
 * file, in a bounded number of partitions by precinct, on a local thread pool or on workers).
 */
@Configuration(proxyBeanMethods = false)
public class IngestStepsConfiguration {

    private static final SqlFile PENDING_FILES = SqlFile.of("ingest/pending_files");

    @Bean
    Step discoverInboxStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           InboxDiscoveryTasklet inboxDiscoveryTasklet, List<PipelineStepListener> listeners) {
        return PipelineStepListener.watched(new StepBuilder("discoverInboxStep", jobRepository)
                    .tasklet(inboxDiscoveryTasklet, transactionManager), listeners).build();
    }

    @Bean
    @StepScope
    InboxDiscoveryTasklet inboxDiscoveryTasklet(@Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
                                                @Value("#{jobParameters['" + RunParameters.INBOX + "']}") String inbox,
                                                @Value("#{jobParameters['" + RunParameters.RERUN_FROM + "']}") LocalDate rerunFrom,
                                                @Value("#{jobParameters['" + RunParameters.RERUN_TO + "']}") LocalDate rerunTo,
                                                PipelineSettings settings, DataSource dataSource) {
        RerunRange rerun = rerunFrom == null ? null : new RerunRange(rerunFrom, rerunTo);
        return new InboxDiscoveryTasklet(runId, Path.of(inbox), rerun, settings.partitions(), settings.ingest().listingMargin(),
                dataSource);
    }

    /**
     * The night's files, read in a bounded number of partitions (by precinct) on a local
     * thread pool — unless the night's manager sends them to workers
     * ({@link RemoteReadManagerConfiguration}). On a restart every partition runs again and
     * finds only its files still pending.
     */
    @Bean
    @ConditionalOnExpression("'${pipeline.remote.role:}' != '" + PipelineSettings.Remote.MANAGER + "'")
    Step ingestFilesStep(JobRepository jobRepository, Step ingestPartitionStep,
                         @Qualifier("ingestTaskExecutor") TaskExecutor ingestTaskExecutor, PipelineSettings settings,
                         List<PipelineStepListener> listeners) {
        PartitionStepBuilder step = new StepBuilder("ingestFilesStep", jobRepository)
                .partitioner("ingestPartitionStep", new FilePartitioner())
                .step(ingestPartitionStep)
                .gridSize(settings.partitions())
                .taskExecutor(ingestTaskExecutor);
        listeners.forEach(listener -> step.listener((StepExecutionListener) listener));
        return step.allowStartIfComplete(true).build();
    }

    /**
     * One partition: its pending files, a few per transaction, each read, checked and written
     * once (on a worker, {@link RemoteReadWorkerConfiguration} builds it to take requests).
     */
    @Bean
    @ConditionalOnExpression("'${pipeline.remote.role:}' != '" + PipelineSettings.Remote.WORKER + "'")
    Step ingestPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JdbcCursorItemReader<PendingFile> pendingFileReader,
                             SubmissionFilesWriter submissionFilesWriter, PipelineSettings settings,
                             List<PipelineStepListener> listeners) {
        return partitionStep(new StepBuilder("ingestPartitionStep", jobRepository), transactionManager, pendingFileReader,
                submissionFilesWriter, settings, listeners);
    }

    /** A partition's files, a few per transaction: the same step on a local thread and on a worker. */
    static Step partitionStep(StepBuilder builder, PlatformTransactionManager transactionManager,
                              JdbcCursorItemReader<PendingFile> pendingFileReader,
                              SubmissionFilesWriter submissionFilesWriter, PipelineSettings settings,
                              List<PipelineStepListener> listeners) {
        ChunkOrientedStepBuilder<PendingFile, PendingFile> step = builder
                .<PendingFile, PendingFile>chunk(settings.ingest().filesPerTransaction())
                .transactionManager(transactionManager)
                .reader(pendingFileReader)
                .writer(submissionFilesWriter);
        listeners.forEach(listener -> step.listener((StepListener) listener));
        return step.allowStartIfComplete(true).build();
    }

    /** The partition's pending files with what their versions read so far say ({@code sql/ingest/pending_files.sql}). */
    @Bean
    @StepScope
    JdbcCursorItemReader<PendingFile> pendingFileReader(
            @Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{stepExecutionContext['" + FilePartitioner.PARTITION + "']}") int partition, DataSource dataSource) {
        ParsedSql query = NamedParameterUtils.parseSqlStatement(PENDING_FILES.query());
        Map<String, Object> parameters = Map.of("runId", runId, "partition", partition);
        return new JdbcCursorItemReaderBuilder<PendingFile>()
                .name("pendingFileReader")
                .dataSource(dataSource)
                .sql(NamedParameterUtils.substituteNamedParameters(query, null))
                .queryArguments(NamedParameterUtils.buildValueArray(query, new MapSqlParameterSource(parameters), null))
                // pending is the state to resume from: nothing to keep in the step's context
                .saveState(false)
                // a cursor, not the whole list: PostgreSQL streams only outside autocommit
                .connectionAutoCommit(false)
                .fetchSize(100)
                .rowMapper((rs, i) -> new PendingFile(rs.getLong("file_id"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getString("precinct_code"),
                        rs.getObject("submission_date", LocalDate.class), SubmissionKind.of(rs.getString("kind")),
                        rs.getInt("version"), rs.getObject("earlier_night_version", Integer.class),
                        rs.getString("earlier_night_file"), rs.getString("same_version_file"),
                        rs.getObject("this_run_version", Integer.class)))
                .build();
    }

    @Bean
    @StepScope
    SubmissionFilesWriter submissionFilesWriter(@Value("#{jobParameters['" + RunParameters.INBOX + "']}") String inbox,
                                                CampaignSettings campaign, DataSource dataSource,
                                                RegistrySnapshots registries) {
        return new SubmissionFilesWriter(Path.of(inbox), campaign.startDate(), dataSource, registries);
    }

    @Bean
    ThreadPoolTaskExecutor ingestTaskExecutor(PipelineSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.readerThreads());
        executor.setMaxPoolSize(settings.readerThreads());
        executor.setThreadNamePrefix("ingest-");
        executor.setDaemon(true);
        return executor;
    }
}
