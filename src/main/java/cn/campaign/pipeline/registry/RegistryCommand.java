package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.operation.PipelineLauncher;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code jobs/reference DIR}: runs the registryJob and prints the version it recorded. */
@Component
public class RegistryCommand {

    private static final SqlFile CURRENT_VERSION = SqlFile.of("registry/current_version");

    private final PipelineLauncher launcher;
    private final Job registryJob;
    private final JdbcTemplate jdbc;

    public RegistryCommand(PipelineLauncher launcher, @Qualifier(RegistryJobConfiguration.JOB_NAME) Job registryJob,
                            JdbcTemplate jdbc) {
        this.launcher = launcher;
        this.registryJob = registryJob;
        this.jdbc = jdbc;
    }

    public void load(Path registryDir, PrintStream out) {
        // every load is a new registry version, so each launch is its own job instance
        launcher.launch(registryJob, new JobParametersBuilder()
                .addString(RegistryJobConfiguration.REGISTRY_DIR, registryDir.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters());
        out.println(currentVersion());
    }

    /** One line describing the registry in force. */
    public String currentVersion() {
        return jdbc.queryForObject(CURRENT_VERSION.query(), String.class);
    }
}
