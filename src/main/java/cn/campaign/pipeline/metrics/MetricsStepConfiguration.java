package cn.campaign.pipeline.metrics;

import cn.campaign.pipeline.operation.CampaignSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The metrics stage's step: mart.daily_org_metrics for every changed day. */
@Configuration(proxyBeanMethods = false)
public class MetricsStepConfiguration {

    @Bean
    Step metricsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                     CampaignSettings campaign, List<PipelineStepListener> listeners) {
        return PipelineStepListener.watched(new StepBuilder("metricsStep", jobRepository)
                    .tasklet(new MetricsTasklet(dataSource, campaign.startDate()), transactionManager), listeners).build();
    }
}
