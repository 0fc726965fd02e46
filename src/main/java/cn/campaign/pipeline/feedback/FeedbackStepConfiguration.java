package cn.campaign.pipeline.feedback;

import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.operation.PipelineStepListener;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The feedback stage's step: one file per precinct with something to fix in the run. */
@Configuration(proxyBeanMethods = false)
public class FeedbackStepConfiguration {

    @Bean
    Step feedbackStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                      PipelinePaths paths, List<PipelineStepListener> listeners) {
        FeedbackWriter writer = new FeedbackWriter(dataSource);
        return PipelineStepListener.watched(new StepBuilder("feedbackStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    long runId = RunParameters.runId(chunkContext.getStepContext().getStepExecution());
                    contribution.incrementWriteCount(writer.write(runId, paths.feedbackDir(runId)));
                    return RepeatStatus.FINISHED;
                }, transactionManager), listeners).build();
    }
}
