package cn.campaign.pipeline.report;

import cn.campaign.pipeline.ingest.RunParameters;
import cn.campaign.pipeline.operation.PipelineStepListener;
import java.util.List;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The report stage's step: the run's HTML report. */
@Configuration(proxyBeanMethods = false)
public class ReportStepConfiguration {

    /** Key in the job execution context: the path of the report the run wrote, for the console. */
    public static final String REPORT_PATH = "reportPath";

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, HtmlReport report,
                    List<PipelineStepListener> listeners) {
        return PipelineStepListener.watched(new StepBuilder("reportStep", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    StepExecution execution = chunkContext.getStepContext().getStepExecution();
                    report.write(RunParameters.runId(execution)).ifPresent(path ->
                            execution.getJobExecution().getExecutionContext().putString(REPORT_PATH, path.toString()));
                    return RepeatStatus.FINISHED;
                }, transactionManager), listeners).build();
    }
}
