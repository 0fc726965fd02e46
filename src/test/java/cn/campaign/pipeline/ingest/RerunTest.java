package cn.campaign.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.metrics.ThreeDaysOfSubmissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract sections 6 and 7: re-running any date range gives byte-identical metrics. */
class RerunTest extends WarehouseTest {

    static final RerunRange WHOLE_RANGE = new RerunRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3));


    @BeforeEach
    void threeDaysIngested() {
        ThreeDaysOfSubmissions.writeTo(inbox);
        nightly();
    }

    @Test
    void aRerunOfTheWholeRangeLeavesTheMetricsExportByteIdentical() throws IOException {
        Path before = export("before.csv");

        ingest.rerun(WHOLE_RANGE, inbox.dir(), quiet());
        Path afterOne = export("after-one.csv");
        ingest.rerun(WHOLE_RANGE, inbox.dir(), quiet());
        Path afterTwo = export("after-two.csv");

        assertThat(Files.size(before)).isGreaterThan(1000);
        assertThat(Files.mismatch(before, afterOne)).isEqualTo(-1);
        assertThat(Files.mismatch(before, afterTwo)).isEqualTo(-1);
        warehouse.assertAccountingHolds();
        // each rerun retired the records of the files it read again and recorded them anew
        assertThat(warehouse.count("select count(*) from ingest.file_ledger")).isEqualTo(10);
        assertThat(warehouse.count("select count(*) from ingest.file where state = 'retired'")).isEqualTo(20);
        warehouse.assertDerivedTablesFollowTheRows();
        assertThat(warehouse.count("select count(*) from ingest.file_ledger where outcome = 'loaded'")).isEqualTo(10);
    }

    @Test
    void aRerunReadsACorrectionThatArrivedForAPastDateAndChangesThatDaysRate() {
        // given a corrected file for 2026-02-02 reporting that C9 was resolved that day
        inbox.utf8(ThreeDaysOfSubmissions.P2 + "_20260202_disputes_v2.csv", ThreeDaysOfSubmissions.DISPUTES,
                "C9,2026-02-02,land,150821100201,resolved,2026-02-02,court_station,false,");

        // when that day is re-run
        ingest.rerun(new RerunRange(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2)), inbox.dir(), quiet());

        // then the correction replaces the first version and the day's rate changes
        assertThat(warehouse.ledger(ThreeDaysOfSubmissions.P2 + "_20260202_disputes.csv")).containsEntry("outcome", "superseded");
        assertThat(jdbc.queryForObject("select dispute_resolution_rate::float8 from mart.daily_org_metrics "
                + "where metric_date = '2026-02-02' and org_level = 'precinct' and org_code = ?", Double.class,
                ThreeDaysOfSubmissions.P2)).isEqualTo(1.0);
        warehouse.assertAccountingHolds();
    }

    /** The metrics as the data office would export them, to compare byte for byte. */
    private Path export(String name) throws IOException {
        Path file = tempDir.resolve(name);
        Files.write(file, jdbc.queryForList("select m::text from mart.daily_org_metrics m "
                + "order by metric_date, org_level, org_code", String.class), StandardCharsets.UTF_8);
        return file;
    }
}
