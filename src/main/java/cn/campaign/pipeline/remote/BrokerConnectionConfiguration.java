package cn.campaign.pipeline.remote;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.operation.PipelineSettings;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connection to the broker of a night spread over several machines, given with
 * {@code --broker=tcp://HOST:PORT}. It is tried once when the process starts, so a broker
 * that cannot be reached fails the command at once, in one line.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${pipeline.remote.broker:}'.isEmpty()")
public class BrokerConnectionConfiguration {

    /** The queue the manager sends the read step's partitions to, and the workers take them from. */
    public static final String PARTITION_REQUESTS = "pipeline.partition.requests";

    @Bean
    ActiveMQConnectionFactory brokerConnectionFactory(PipelineSettings settings) {
        PipelineSettings.Remote remote = settings.remote();
        long timeout = remote.connectTimeout().toMillis();
        ActiveMQConnectionFactory factory;
        try {
            // a silent host gives up after the connect timeout, not Artemis' own 30 s
            factory = new ActiveMQConnectionFactory(remote.broker()
                    + (remote.broker().contains("?") ? "&" : "?") + "connectTimeoutMillis=" + timeout);
        } catch (RuntimeException e) {
            throw new PipelineFailure("broker " + remote.broker() + " is not a broker URL (tcp://HOST:PORT): "
                    + PipelineFailure.describe(e), e);
        }
        factory.setCallTimeout(timeout);
        factory.setInitialConnectAttempts(1);
        // no prefetch: a worker holds only the partition it runs, the rest stay for the other workers
        factory.setConsumerWindowSize(0);
        // the only objects that travel are Spring Batch's partition requests
        factory.setDeserializationAllowList("org.springframework.batch.integration.partition,java.lang");
        try (Connection connection = factory.createConnection()) {
            return factory;
        } catch (JMSException e) {
            throw new PipelineFailure("the broker " + remote.broker() + " cannot be reached: " + PipelineFailure.describe(e), e);
        }
    }
}
