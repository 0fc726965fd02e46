package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import cn.campaign.pipeline.remote.BrokerConnectionConfiguration;
import jakarta.jms.ConnectionFactory;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;

/**
 * {@code jobs/nightly --broker=...} (and rerun): the read step's partitions go to the workers
 * over the broker instead of local threads (Spring Batch remote partitioning); the workers
 * report through the shared job repository, which this manager polls. Every other step runs
 * here as in one process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pipeline.remote.role", havingValue = PipelineSettings.Remote.MANAGER)
@EnableBatchIntegration
public class RemoteReadManagerConfiguration {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /**
     * Requests are kept in the broker's memory only, and expire when no manager can still be
     * waiting for them; the workers also drop a request whose partition is no longer waiting.
     */
    @Bean
    IntegrationFlow partitionRequestsToBroker(ConnectionFactory brokerConnectionFactory, DirectChannel partitionRequests,
                                              PipelineSettings settings) {
        return IntegrationFlow.from(partitionRequests)
                .handle(Jms.outboundAdapter(brokerConnectionFactory)
                        .destination(BrokerConnectionConfiguration.PARTITION_REQUESTS)
                        .configureJmsTemplate(template -> template.explicitQosEnabled(true)
                                .deliveryPersistent(false)
                                .timeToLive(settings.remote().maxDuration().toMillis())))
                .get();
    }

    /** The read step, its partitions sent to the workers; no reply channel: it polls the job repository. */
    @Bean
    Step ingestFilesStep(RemotePartitioningManagerStepBuilderFactory managerSteps, DirectChannel partitionRequests,
                         JobRepository jobRepository, PipelineSettings settings, List<PipelineStepListener> listeners) {
        PipelineSettings.Remote remote = settings.remote();
        RemotePartitioningManagerStepBuilder step = managerSteps.get("ingestFilesStep")
                .partitioner("ingestPartitionStep", new FilePartitioner())
                .gridSize(settings.partitions())
                .outputChannel(partitionRequests)
                .pollInterval(remote.pollInterval().toMillis())
                // the hard limit; a partition without progress is given up much sooner by the watch
                .timeout(remote.maxDuration().toMillis());
        step.listener(new RemotePartitionsWatch(jobRepository, "ingestPartitionStep", remote));
        listeners.forEach(listener -> step.listener((StepExecutionListener) listener));
        return step.allowStartIfComplete(true).build();
    }
}
