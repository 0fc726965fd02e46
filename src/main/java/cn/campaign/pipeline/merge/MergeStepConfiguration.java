package cn.campaign.pipeline.merge;

import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The merge stage's step: versions, winners, first visits and ledgers of what a night read. */
@Configuration(proxyBeanMethods = false)
public class MergeStepConfiguration {

    @Bean
    Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                   PipelineSettings settings, List<PipelineStepListener> listeners) {
        return PipelineStepListener.watched(new StepBuilder("mergeStep", jobRepository)
                    .tasklet(new MergeTasklet(dataSource, transactionManager, settings.mergeSessions()), transactionManager),
                listeners).build();
    }
}
