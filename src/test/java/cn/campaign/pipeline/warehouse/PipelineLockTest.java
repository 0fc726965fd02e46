package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.command.CommandRunner;
import cn.campaign.pipeline.command.PipelineCommand;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Contract section 7: a second run started while one is running exits 1 naming it, and changes nothing. */
class PipelineLockTest extends WarehouseTest {

    @Autowired
    PipelineLock lock;
    @Autowired
    CommandRunner commands;

    @Test
    void aSecondRunWhileOneHoldsTheLockIsRefusedNamingTheRunningOneAndChangesNothing() {
        inbox.utf8("150802000001_20260203_hazards.csv", "hazard_id,found_date,category,unit_code,status,status_date");

        try (PipelineLock.Held running = lock.acquire("rerun")) {
            assertThatThrownBy(() -> commands.run(PipelineCommand.parse("nightly", "--inbox", inbox.dir().toString()),
                    quiet()))
                    .isInstanceOf(PipelineFailure.class)
                    .hasMessageContaining("another pipeline run is in progress (rerun, started ")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(warehouse.count("select count(*) from ingest.file")).isZero();
        assertThat(warehouse.count("select count(*) from ingest.run")).isZero();

        // once released, the next run goes ahead
        commands.run(PipelineCommand.parse("nightly", "--inbox", inbox.dir().toString()), quiet());
        assertThat(warehouse.count("select count(*) from ingest.file")).isEqualTo(1);
    }
}
