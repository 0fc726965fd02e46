package cn.campaign.pipeline;

import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.registry.RegistryCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A test of the pipeline on the shared embedded warehouse: each test starts from empty
 * ingest, core and mart tables with the fixture registry loaded, and an empty inbox.
 */
@PipelineTest
public abstract class WarehouseTest {

    @Autowired
    protected NightlyCommand ingest;
    @Autowired
    protected RegistryCommand registry;
    @Autowired
    protected JobRepositoryTestUtils jobRepositoryTestUtils;
    @Autowired
    protected JdbcTemplate jdbc;
    @TempDir
    protected Path tempDir;

    protected Warehouse warehouse;
    protected Inbox inbox;

    @BeforeEach
    void emptyWarehouseWithTheFixtureRegistry() {
        warehouse = new Warehouse(jdbc);
        warehouse.reset(registry, jobRepositoryTestUtils);
        inbox = new Inbox(tempDir.resolve("inbox"));
    }

    /** A night on the test inbox, its console output discarded; returns the run id. */
    protected long nightly() {
        return ingest.nightly(inbox.dir(), quiet());
    }

    protected static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }
}
