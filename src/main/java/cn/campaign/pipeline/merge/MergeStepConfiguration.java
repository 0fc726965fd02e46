package cn.campaign.pipeline.merge;

import cn.campaign.pipeline.ingest.IngestRuns;
import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.report.RunProgress;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The merge step of the ingest job: staged rows into the rejects, the ledger and core. */
@Configuration(proxyBeanMethods = false)
public class MergeStepConfiguration {

    @Bean
    Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
                   IngestRuns runs, FaultInjectionListener faultInjection, RunProgress progress) {
        return new StepBuilder("mergeStep", jobRepository)
                .tasklet(new MergeTasklet(dataSource, runs), transactionManager)
                .listener((StepExecutionListener) faultInjection)
                .listener(progress)
                .build();
    }
}
