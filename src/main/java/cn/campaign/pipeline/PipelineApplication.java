package cn.campaign.pipeline;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cn.campaign.pipeline.command.CommandRunner;
import cn.campaign.pipeline.command.PipelineCommand;
import cn.campaign.pipeline.command.UsageException;
import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.remote.Broker;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of every {@code jobs/…} command. Exit codes follow contract section 7:
 * 0 the run completed, 1 it failed (and can be restarted), 2 wrong usage. Failures print
 * one line on the console; the stack trace goes to the run's log file under var/logs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PipelineApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        PipelineCommand command;
        try {
            command = PipelineCommand.parse(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(PipelineCommand.USAGE);
            return 2;
        }
        String varDir = command.springArguments().stream()
                .filter(arg -> arg.startsWith("--pipeline.var-dir=")).map(arg -> arg.substring("--pipeline.var-dir=".length()))
                .reduce((first, last) -> last).orElse("var");
        if (command.name().equals("broker")) {
            return serveBroker(command.port(), Path.of(varDir));
        }
        if (command.broker() != null && !sharedWarehouse(command)) {
            // workers on other machines cannot reach the embedded PostgreSQL of this one
            System.err.println("error: " + command.name() + " with --broker needs the shared warehouse: set "
                    + "SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD)");
            return 2;
        }
        String logFile = varDir + "/logs/" + command.name() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log";
        SpringApplication application = new SpringApplication(PipelineApplication.class);
        application.setDefaultProperties(Map.of("logging.file.name", logFile));
        try (ConfigurableApplicationContext context = application.run(command.springArguments().toArray(String[]::new))) {
            return context.getBean(CommandRunner.class).run(command, System.out);
        } catch (Throwable failure) {
            LoggerFactory.getLogger(PipelineApplication.class).error("{} failed", command.name(), failure);
            System.err.println("error: " + PipelineFailure.describe(failure));
            System.err.println("(details in " + logFile + ")");
            return 1;
        }
    }

    private static boolean sharedWarehouse(PipelineCommand command) {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return (url != null && !url.isBlank())
                || command.springArguments().stream().anyMatch(arg -> arg.startsWith("--spring.datasource.url="));
    }

    /** {@code jobs/broker}: no Spring, no database; until the process is stopped. */
    private static int serveBroker(int port, Path varDir) {
        // without Spring's logging set-up the Artemis server would print every INFO line on the console
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        try (Broker broker = Broker.start(port, varDir)) {
            System.out.println("broker listening on " + broker.url() + "; workers and nights take --broker=" + broker.url()
                    + " (Ctrl-C stops it)");
            new CountDownLatch(1).await();
            return 0;
        } catch (PipelineFailure e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("error: the broker stopped: " + PipelineFailure.describe(e));
            return 1;
        }
    }
}
