package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.cli.PipelineLauncher;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code jobs/reference DIR}: runs the referenceJob and prints the version it recorded. */
@Component
public class RegistryCommands {

    private static final SqlFile CURRENT_VERSION = SqlFile.of("registry/current_version");

    private final PipelineLauncher launcher;
    private final Job referenceJob;
    private final JdbcTemplate jdbc;

    public RegistryCommands(PipelineLauncher launcher, @Qualifier(ReferenceJobConfiguration.JOB_NAME) Job referenceJob,
                            JdbcTemplate jdbc) {
        this.launcher = launcher;
        this.referenceJob = referenceJob;
        this.jdbc = jdbc;
    }

    public void load(Path registryDir, PrintStream out) {
        // every load is a new registry version, so each launch is its own job instance
        launcher.launch(referenceJob, new JobParametersBuilder()
                .addString(ReferenceJobConfiguration.REGISTRY_DIR, registryDir.toAbsolutePath().normalize().toString())
                .addString("requestedAt", Instant.now().toString())
                .toJobParameters());
        out.println(currentVersion());
    }

    /** One line describing the registry in force. */
    public String currentVersion() {
        return jdbc.queryForObject(CURRENT_VERSION.query(), String.class);
    }
}
