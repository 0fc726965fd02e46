package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.report.RunProgress;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
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
     * On a restart every partition runs again and finds only its files still pending —
     * including files whose staged rows a database crash took.
     */
    @Bean
    Step ingestFilesStep(JobRepository jobRepository, Step ingestPartitionStep,
                         @Qualifier("ingestTaskExecutor") TaskExecutor ingestTaskExecutor, IngestSettings settings,
                         DataSource dataSource, PlatformTransactionManager transactionManager, RunProgress progress) {
        return new StepBuilder("ingestFilesStep", jobRepository)
                .listener(new LostStagingListener(dataSource, transactionManager))
                .listener(progress)
                .partitioner("ingestPartitionStep", new FilePartitioner())
                .step(ingestPartitionStep)
                .gridSize(settings.partitions())
                .taskExecutor(ingestTaskExecutor)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step ingestPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             IngestFilesTasklet ingestFilesTasklet, FaultInjectionListener faultInjection) {
        return new StepBuilder("ingestPartitionStep", jobRepository)
                .tasklet(ingestFilesTasklet, transactionManager)
                .listener((ChunkListener) faultInjection)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    IngestFilesTasklet ingestFilesTasklet(@Value("#{jobParameters['" + INBOX + "']}") String inbox,
                                          @Value("#{stepExecutionContext['" + FilePartitioner.PARTITION + "']}") int partition,
                                          @Value("${campaign.start-date}") LocalDate campaignStart,
                                          @Value("${pipeline.ingest.files-per-transaction}") int filesPerTransaction,
                                          DataSource dataSource, IngestRuns runs) {
        return new IngestFilesTasklet(Path.of(inbox), partition, filesPerTransaction, campaignStart, dataSource, runs);
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
