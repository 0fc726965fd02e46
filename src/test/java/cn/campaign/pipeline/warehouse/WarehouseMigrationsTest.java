package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/** Upgrades of a warehouse that holds data, migration by migration. */
class WarehouseMigrationsTest {

    private final Path dataDir = Path.of("target/test-pg/migrations-" + System.nanoTime());

    @Test
    void theWriteOnceUpgradeWaitsUntilTheRunInterruptedBeforeItIsFinished() throws Exception {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(dataDir);
             Connection connection = DriverManager.getConnection(warehouse.jdbcUrl(), "postgres", "postgres")) {
            // given a warehouse of the version before, with a run interrupted after staging a file's rows
            migrate(warehouse, "9");
            connection.createStatement().execute("""
                    insert into ingest.run (run_id, job_instance_id, command, inbox) values (1, 1, 'nightly', '/inbox');
                    insert into ingest.file (run_id, file_name, sha256, size_bytes, modified_at, state)
                    values (1, '150502000001_20260115_visits.csv', 'ab', 10, now(), 'staged')""");

            // when it is upgraded, then the upgrade is refused, saying what to do
            assertThatThrownBy(() -> migrate(warehouse, "latest")).isInstanceOf(FlywayException.class)
                    .hasMessageContaining("an ingest run is unfinished: finish it with the previous version (jobs/nightly) "
                            + "before upgrading");

            // and once the previous version finished the run, the upgrade goes through
            connection.createStatement().execute("update ingest.file set state = 'read'");
            migrate(warehouse, "latest");
            var version = connection.createStatement().executeQuery(
                    "select max(version::int) from flyway_schema_history where success");
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void theLedgersSumsPerDayUpgradeSumsTheEventsTheWarehouseAlreadyHolds() throws Exception {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.start(dataDir);
             Connection connection = DriverManager.getConnection(warehouse.jdbcUrl(), "postgres", "postgres")) {
            // given a warehouse of the version before, with two cases found on 1 February, one resolved on the 2nd
            migrate(warehouse, "11");
            connection.createStatement().execute("""
                    insert into core.ledger_event values
                        ('dispute', '150802000001', 'C1', '2026-02-01', 1, 0, 0, 0),
                        ('dispute', '150802000001', 'C2', '2026-02-01', 1, 0, 0, 1),
                        ('dispute', '150802000001', 'C1', '2026-02-02', 0, 1, 0, 0)""");

            // when it is upgraded
            migrate(warehouse, "latest");

            // then the metrics' sums per day are those of its events
            var sums = connection.createStatement().executeQuery("""
                    select string_agg(concat_ws(' ', event_date, found_delta, closed_delta, referred_delta, escalated_delta),
                                      '; ' order by event_date)
                    from core.ledger_per_day where ledger = 'dispute' and precinct_code = '150802000001'""");
            sums.next();
            assertThat(sums.getString(1)).isEqualTo("2026-02-01 2 0 0 1; 2026-02-02 0 1 0 0");
        }
    }

    private static void migrate(EmbeddedWarehouse warehouse, String target) {
        Flyway.configure().dataSource(warehouse.jdbcUrl(), "postgres", "postgres")
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
