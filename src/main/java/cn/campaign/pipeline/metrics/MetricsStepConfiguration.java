package cn.campaign.pipeline.metrics;

import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.report.RunProgress;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The metrics step of the ingest job: mart.daily_org_metrics for every changed day. */
@Configuration(proxyBeanMethods = false)
public class MetricsStepConfiguration {

    @Bean
    Step metricsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                     @Value("${campaign.start-date}") LocalDate campaignStart, FaultInjectionListener faultInjection,
                     RunProgress progress) {
        return new StepBuilder("metricsStep", jobRepository)
                .tasklet(new MetricsTasklet(dataSource, campaignStart), transactionManager)
                .listener((StepExecutionListener) faultInjection)
                .listener(progress)
                .build();
    }
}
