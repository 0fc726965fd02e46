package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upgrades of a warehouse that holds data, migration by migration. */
class WarehouseMigrationsTest {

    private final Path dataDir = Path.of("target/test-pg/migrations-" + System.nanoTime());
    private EmbeddedWarehouse warehouse;
    private Connection connection;

    @BeforeEach
    void startWarehouse() throws SQLException {
        warehouse = EmbeddedWarehouse.start(dataDir);
        connection = DriverManager.getConnection(warehouse.jdbcUrl(), "postgres", "postgres");
    }

    @AfterEach
    void stopWarehouse() throws Exception {
        connection.close();
        warehouse.close();
    }

    @Test
    void theWriteOnceUpgradeWaitsUntilTheRunInterruptedBeforeItIsFinished() throws Exception {
        // given a warehouse of the version before, with a run interrupted after staging a file's rows
        givenAWarehouseOfVersion("9", """
                insert into ingest.run (run_id, job_instance_id, command, inbox) values (1, 1, 'nightly', '/inbox');
                insert into ingest.file (run_id, file_name, sha256, size_bytes, modified_at, state)
                values (1, '150502000001_20260115_visits.csv', 'ab', 10, now(), 'staged')""");

        // when it is upgraded, then the upgrade is refused, saying what to do
        assertThatThrownBy(() -> migrate("latest")).isInstanceOf(FlywayException.class)
                .hasMessageContaining("an ingest run is unfinished: finish it with the previous version (jobs/nightly) "
                        + "before upgrading");

        // and once the previous version finished the run, the upgrade goes through
        connection.createStatement().execute("update ingest.file set state = 'read'");
        migrate("latest");
        assertThat(firstRow("select max(version::int) from flyway_schema_history where success").getInt(1))
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void theLedgersSumsPerDayUpgradeSumsTheEventsTheWarehouseAlreadyHolds() throws Exception {
        // given a warehouse of the version before, with two cases found on 1 February, one resolved on the 2nd
        givenAWarehouseOfVersion("11", """
                insert into core.ledger_event values
                    ('dispute', '150802000001', 'C1', '2026-02-01', 1, 0, 0, 0),
                    ('dispute', '150802000001', 'C2', '2026-02-01', 1, 0, 0, 1),
                    ('dispute', '150802000001', 'C1', '2026-02-02', 0, 1, 0, 0)""");

        // when it is upgraded
        migrate("latest");

        // then the metrics' sums per day are those of its events
        assertThat(firstRow("""
                select string_agg(concat_ws(' ', event_date, found_delta, closed_delta, referred_delta, escalated_delta),
                                  '; ' order by event_date)
                from core.ledger_per_day where ledger = 'dispute' and precinct_code = '150802000001'""").getString(1))
                .isEqualTo("2026-02-01 2 0 0 1; 2026-02-02 0 1 0 0");
    }

    private void givenAWarehouseOfVersion(String version, String data) throws SQLException {
        migrate(version);
        connection.createStatement().execute(data);
    }

    private ResultSet firstRow(String query) throws SQLException {
        ResultSet result = connection.createStatement().executeQuery(query);
        result.next();
        return result;
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(warehouse.jdbcUrl(), "postgres", "postgres")
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
