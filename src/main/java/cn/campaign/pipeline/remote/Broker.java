package cn.campaign.pipeline.remote;

import cn.campaign.pipeline.operation.PipelineFailure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * {@code jobs/broker [--port=61616]}: an ActiveMQ Artemis broker in this JVM, from the Artemis
 * jars, until stopped — for one machine and for tests; a site runs its own Artemis. It keeps
 * nothing on disk: a partition request only means something to the night that sent it, and
 * the job repository, not the broker, says which partitions finished.
 */
public final class Broker implements AutoCloseable {

    public static final int DEFAULT_PORT = 61616;

    private final EmbeddedActiveMQ server;
    private final String url;

    private Broker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Starts a broker listening on every interface at {@code port}; its files, if any, under {@code varDir}. */
    public static Broker start(int port, Path varDir) {
        Path dir = varDir.resolve("artemis").toAbsolutePath();
        Configuration configuration = new ConfigurationImpl()
                .setName("campaign-pipeline")
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setPagingDirectory(dir.resolve("paging").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setJournalDirectory(dir.resolve("journal").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAddressSetting("#", new AddressSettings().setAutoCreateQueues(true).setAutoCreateAddresses(true));
        try {
            configuration.addAcceptorConfiguration("tcp", "tcp://0.0.0.0:" + port);
            EmbeddedActiveMQ server = new EmbeddedActiveMQ();
            server.setConfiguration(configuration);
            server.start();
            // a port in use is only logged: start() returns and the server is not active
            if (!server.getActiveMQServer().isActive()) {
                server.stop();
                throw new PipelineFailure("the broker cannot listen on port " + port + " (is it in use?)");
            }
            return new Broker(server, "tcp://" + InetAddress.getLocalHost().getHostName() + ":" + port);
        } catch (PipelineFailure e) {
            throw e;
        } catch (UnknownHostException e) {
            throw new PipelineFailure("the broker cannot name its host: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new PipelineFailure("the broker did not start: " + PipelineFailure.describe(e), e);
        }
    }

    /** {@code tcp://HOST:PORT}, as workers and nightly give it with {@code --broker=}. */
    public String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
