package cn.campaign.pipeline.report;

import cn.campaign.pipeline.cli.FaultInjectionListener;
import cn.campaign.pipeline.ingest.IngestRuns;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The report step of the ingest job, after the feedback step: the run's HTML report. */
@Configuration(proxyBeanMethods = false)
public class ReportStepConfiguration {

    /** Key in the job execution context: the path of the report the run wrote, for the console. */
    public static final String REPORT_PATH = "reportPath";

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, HtmlReport report,
                    IngestRuns runs, RunProgress progress, FaultInjectionListener faultInjection) {
        return new StepBuilder("reportStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution step = chunkContext.getStepContext().getStepExecution();
                    report.write(runs.runOf(step)).ifPresent(path ->
                            step.getJobExecution().getExecutionContext().putString(REPORT_PATH, path.toString()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .listener((StepExecutionListener) faultInjection)
                .listener(progress)
                .build();
    }
}
