package cn.campaign.pipeline.report;

import cn.campaign.pipeline.PipelinePaths;
import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.ingest.IngestRuns;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The feedback step of the ingest job: one file per precinct with something to fix. */
@Configuration(proxyBeanMethods = false)
public class FeedbackStepConfiguration {

    @Bean
    Step feedbackStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                      IngestRuns runs, PipelinePaths paths, RunProgress progress,
                      FaultInjectionListener faultInjection) {
        FeedbackWriter writer = new FeedbackWriter(dataSource);
        return new StepBuilder("feedbackStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    long runId = runs.runOf(chunkContext.getStepContext().getStepExecution());
                    contribution.incrementWriteCount(writer.write(runId, paths.feedbackDir(runId)));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener((StepExecutionListener) faultInjection)
                .listener(progress)
                .build();
    }
}
