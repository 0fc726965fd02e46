package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.operation.PipelineFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class EmbeddedWarehouseTest {

    private final Path dataDir = Path.of("target/test-pg/embedded-warehouse-" + System.nanoTime());

    @Test
    void dataSurvivesARestartAndCommitsAreDurable() throws Exception {
        // given a warehouse where a row was committed
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(dataDir);
             Connection connection = DriverManager.getConnection(warehouse.jdbcUrl(), "postgres", "postgres")) {
            connection.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
            ResultSet setting = connection.createStatement().executeQuery("show synchronous_commit");
            setting.next();
            assertThat(setting.getString(1)).isEqualTo("on");
        }

        // when it is started again on the same folder, then the row is still there
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(dataDir);
             Connection connection = DriverManager.getConnection(warehouse.jdbcUrl(), "postgres", "postgres")) {
            ResultSet rows = connection.createStatement().executeQuery("select v from kept");
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void aSecondOwnerGetsAClearMessageInsteadOfAServer() throws Exception {
        // given a running warehouse
        try (EmbeddedWarehouse first = EmbeddedWarehouse.start(dataDir)) {
            // when another one starts on the same folder, then it is refused with one clear line
            assertThatThrownBy(() -> EmbeddedWarehouse.start(dataDir))
                    .isInstanceOf(PipelineFailure.class)
                    .hasMessageContaining("is in use by another pipeline process (pid " + ProcessHandle.current().pid());
        }
    }
}
