package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import cn.campaign.pipeline.remote.BrokerConnectionConfiguration;
import jakarta.jms.ConnectionFactory;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilder;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code jobs/worker --broker=...}: takes partitions of the read step of any night from the
 * broker, as many at once as it has reading threads, reads them as a local partition would
 * (the inbox at the path the night names), and reports through the shared job repository.
 * A worker never starts a run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pipeline.remote.role", havingValue = PipelineSettings.Remote.WORKER)
@EnableBatchIntegration
public class RemoteReadWorkerConfiguration {

    /** Key in a partition's context: the worker that took it, for the manager's messages. */
    static final String WORKER = "worker";
    private static final Logger log = LoggerFactory.getLogger(RemoteReadWorkerConfiguration.class);

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    /**
     * A request is acknowledged when it is taken, before its partition runs: a worker killed
     * mid-partition leaves nothing to redeliver, and the manager's watch sees the partition
     * fall silent.
     */
    @Bean
    IntegrationFlow partitionRequestsFromBroker(ConnectionFactory brokerConnectionFactory, DirectChannel partitionRequests,
                                                JobRepository jobRepository, PipelineSettings settings) {
        return IntegrationFlow
                .from(Jms.messageDrivenChannelAdapter(brokerConnectionFactory)
                        .destination(BrokerConnectionConfiguration.PARTITION_REQUESTS)
                        .configureListenerContainer(container -> container
                                .concurrentConsumers(settings.readerThreads())
                                .sessionTransacted(false)))
                .filter(StepExecutionRequest.class, request -> stillWaiting(request, jobRepository))
                .channel(partitionRequests)
                .get();
    }

    /** A request left from a night that gave up on it is dropped: only a partition still waiting runs. */
    static boolean stillWaiting(StepExecutionRequest request, JobRepository jobRepository) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        boolean waiting = partition != null && partition.getStatus() == BatchStatus.STARTING
                && partition.getJobExecution().getStatus().isRunning();
        if (!waiting) {
            log.warn("dropping {}: its partition is no longer waiting", request);
        }
        return waiting;
    }

    /** The partition step as a local one is, taking its requests from the broker. */
    @Bean
    Step ingestPartitionStep(RemotePartitioningWorkerStepBuilderFactory workerSteps, DirectChannel partitionRequests,
                             JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             JdbcCursorItemReader<PendingFile> pendingFileReader,
                             SubmissionFilesWriter submissionFilesWriter, PipelineSettings settings,
                             List<PipelineStepListener> listeners) {
        RemotePartitioningWorkerStepBuilder worker = workerSteps.get("ingestPartitionStep").inputChannel(partitionRequests);
        worker.listener(new WorkerIdentity(jobRepository));
        return IngestStepsConfiguration.partitionStep(worker, transactionManager, pendingFileReader, submissionFilesWriter,
                settings, listeners);
    }

    /**
     * Writes this worker's name into the partition's context as it starts (a worker dying before
     * its first commit is named too), for the manager's messages.
     */
    private record WorkerIdentity(JobRepository jobRepository) implements StepExecutionListener {
        @Override
        public void beforeStep(StepExecution partition) {
            partition.getExecutionContext().putString(WORKER, ManagementFactory.getRuntimeMXBean().getName());
            jobRepository.updateExecutionContext(partition);
        }
    }
}
