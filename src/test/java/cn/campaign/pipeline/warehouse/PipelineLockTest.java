package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.PipelineFailure;
import cn.campaign.pipeline.PipelineTest;
import cn.campaign.pipeline.Warehouse;
import cn.campaign.pipeline.cli.CommandRunner;
import cn.campaign.pipeline.cli.PipelineCommand;
import cn.campaign.pipeline.registry.RegistryCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Contract section 7: a second run started while one is running exits 1 naming it, and changes nothing. */
@PipelineTest
class PipelineLockTest {

    @Autowired
    PipelineLock lock;
    @Autowired
    CommandRunner commands;
    @Autowired
    RegistryCommands registry;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path tempDir;

    @Test
    void aSecondRunWhileOneHoldsTheLockIsRefusedNamingTheRunningOneAndChangesNothing() {
        Warehouse warehouse = new Warehouse(jdbc);
        warehouse.reset(registry, jobRepositoryTestUtils);
        cn.campaign.pipeline.Inbox inbox = new cn.campaign.pipeline.Inbox(tempDir.resolve("inbox"));
        inbox.utf8("150802000001_20260203_hazards.csv", "hazard_id,found_date,category,unit_code,status,status_date");

        try (PipelineLock.Held running = lock.acquire("rerun")) {
            assertThatThrownBy(() -> commands.run(PipelineCommand.parse("nightly", "--inbox", inbox.dir().toString()),
                    new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(PipelineFailure.class)
                    .hasMessageContaining("another pipeline run is in progress (rerun, started ")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(warehouse.count("select count(*) from ingest.file")).isZero();
        assertThat(warehouse.count("select count(*) from ingest.run")).isZero();

        // once released, the next run goes ahead
        commands.run(PipelineCommand.parse("nightly", "--inbox", inbox.dir().toString()), new PrintStream(new ByteArrayOutputStream()));
        assertThat(warehouse.count("select count(*) from ingest.file")).isEqualTo(1);
    }
}
