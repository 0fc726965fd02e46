package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.registry.RegistrySnapshots;
import cn.campaign.pipeline.report.RunProgress;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code jobs/nightly}: the ingest job, in the order data moves — discover the inbox, read
 * the files in a bounded number of partitions on a local thread pool, merge, compute the
 * metrics of the changed days, write feedback and the HTML report. Each step reports its
 * progress ({@link RunProgress}).
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

    public static final String JOB_NAME = "ingestJob";
    public static final String INBOX = "inbox";
    public static final String COMMAND = "command";
    public static final String RERUN_FROM = "rerunFrom";
    public static final String RERUN_TO = "rerunTo";
    private static final SqlFile PENDING_FILES = SqlFile.of("ingest/pending_files");

    @Bean
    Job ingestJob(JobRepository jobRepository, Step discoverInboxStep, Step ingestFilesStep,
                  @Qualifier("mergeStep") Step mergeStep, @Qualifier("metricsStep") Step metricsStep,
                  @Qualifier("feedbackStep") Step feedbackStep, @Qualifier("reportStep") Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(discoverInboxStep)
                .next(ingestFilesStep)
                .next(mergeStep)
                .next(metricsStep)
                .next(feedbackStep)
                .next(reportStep)
                .build();
    }

    @Bean
    Step discoverInboxStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           InboxDiscoveryTasklet inboxDiscoveryTasklet, FaultInjectionListener faultInjection,
                           RunProgress progress) {
        return new StepBuilder("discoverInboxStep", jobRepository)
                .tasklet(inboxDiscoveryTasklet, transactionManager)
                .listener((StepExecutionListener) faultInjection)
                .listener(progress)
                .build();
    }

    @Bean
    @StepScope
    InboxDiscoveryTasklet inboxDiscoveryTasklet(@Value("#{jobParameters['" + INBOX + "']}") String inbox,
                                                @Value("#{jobParameters['" + COMMAND + "']}") String command,
                                                @Value("#{jobParameters['" + RERUN_FROM + "']}") LocalDate rerunFrom,
                                                @Value("#{jobParameters['" + RERUN_TO + "']}") LocalDate rerunTo,
                                                IngestSettings settings, DataSource dataSource, IngestRuns runs) {
        RerunRange rerun = rerunFrom == null ? null : new RerunRange(rerunFrom, rerunTo);
        return new InboxDiscoveryTasklet(Path.of(inbox), command, rerun, settings.partitions(), dataSource, runs);
    }

    /**
     * The night's files, read in a bounded number of partitions (by precinct) on a local
     * thread pool. On a restart every partition runs again and finds only its files still
     * pending.
     */
    @Bean
    Step ingestFilesStep(JobRepository jobRepository, Step ingestPartitionStep,
                         @Qualifier("ingestTaskExecutor") TaskExecutor ingestTaskExecutor, IngestSettings settings,
                         RunProgress progress) {
        return new StepBuilder("ingestFilesStep", jobRepository)
                .listener(progress)
                .partitioner("ingestPartitionStep", new FilePartitioner())
                .step(ingestPartitionStep)
                .gridSize(settings.partitions())
                .taskExecutor(ingestTaskExecutor)
                .allowStartIfComplete(true)
                .build();
    }

    /** One partition: its pending files, a few per transaction, each read, checked and written once. */
    @Bean
    Step ingestPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JdbcCursorItemReader<PendingFile> pendingFileReader,
                             SubmissionFilesWriter submissionFilesWriter, FaultInjectionListener faultInjection,
                             @Value("${pipeline.ingest.files-per-transaction}") int filesPerTransaction) {
        return new StepBuilder("ingestPartitionStep", jobRepository)
                .<PendingFile, PendingFile>chunk(filesPerTransaction)
                .transactionManager(transactionManager)
                .reader(pendingFileReader)
                .writer(submissionFilesWriter)
                .listener((ChunkListener<Object, Object>) faultInjection)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<PendingFile> pendingFileReader(
            @Value("#{stepExecutionContext['" + FilePartitioner.PARTITION + "']}") int partition,
            @Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource, IngestRuns runs) {
        ParsedSql query = NamedParameterUtils.parseSqlStatement(PENDING_FILES.query());
        Map<String, Object> parameters = Map.of("runId", runs.runOf(stepExecution), "partition", partition);
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
    SubmissionFilesWriter submissionFilesWriter(@Value("#{jobParameters['" + INBOX + "']}") String inbox,
                                                @Value("${campaign.start-date}") LocalDate campaignStart,
                                                DataSource dataSource, RegistrySnapshots registries) {
        return new SubmissionFilesWriter(Path.of(inbox), campaignStart, dataSource, registries);
    }

    @Bean
    ThreadPoolTaskExecutor ingestTaskExecutor(IngestSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setThreadNamePrefix("ingest-");
        executor.setDaemon(true);
        return executor;
    }
}
