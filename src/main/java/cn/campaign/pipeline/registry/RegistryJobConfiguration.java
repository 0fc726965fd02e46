package cn.campaign.pipeline.registry;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The registry stage: {@code registryJob} loads the registry of contract section 1 from a
 * folder ({@code jobs/reference DIR}), all or nothing, as a new version.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryJobConfiguration {

    public static final String JOB_NAME = "registryJob";
    public static final String REGISTRY_DIR = "registryDir";

    @Bean
    Job registryJob(JobRepository jobRepository, Step registryLoadStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(registryLoadStep).build();
    }

    @Bean
    Step registryLoadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          RegistryLoadTasklet registryLoadTasklet) {
        return new StepBuilder("registryLoadStep", jobRepository)
                .tasklet(registryLoadTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    RegistryLoadTasklet registryLoadTasklet(@Value("#{jobParameters['" + REGISTRY_DIR + "']}") String registryDir,
                                            DataSource dataSource) {
        return new RegistryLoadTasklet(Path.of(registryDir), dataSource);
    }
}
