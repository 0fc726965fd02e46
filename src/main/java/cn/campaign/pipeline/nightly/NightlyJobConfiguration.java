package cn.campaign.pipeline.nightly;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The whole night, in the order data moves ({@code jobs/nightly}, {@code jobs/rerun}): discover
 * the inbox, read every pending file (partitioned), merge what was read, compute the metrics
 * of the changed days, write the precincts' feedback and the HTML report. Each stage's package
 * builds its steps; this is where they are put in order.
 */
@Configuration(proxyBeanMethods = false)
public class NightlyJobConfiguration {

    public static final String JOB_NAME = "nightlyJob";

    @Bean
    Job nightlyJob(JobRepository jobRepository,
                   @Qualifier("discoverInboxStep") Step discoverInboxStep,
                   @Qualifier("ingestFilesStep") Step ingestFilesStep,
                   @Qualifier("mergeStep") Step mergeStep,
                   @Qualifier("metricsStep") Step metricsStep,
                   @Qualifier("feedbackStep") Step feedbackStep,
                   @Qualifier("reportStep") Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(discoverInboxStep)
                .next(ingestFilesStep)
                .next(mergeStep)
                .next(metricsStep)
                .next(feedbackStep)
                .next(reportStep)
                .build();
    }
}
