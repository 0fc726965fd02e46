package cn.campaign.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.campaign.pipeline.WarehouseTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract sections 2, 3 and 4 through the real ingest job, one small inbox per test. */
class IngestJobTest extends WarehouseTest {

    static final String P1 = "150802000001";
    static final String P2 = "150821000001";
    static final String INACTIVE = "150821000002";
    static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";
    static final String DISPUTES = "case_id,reported_date,dispute_type,unit_code,status,status_date,mechanism,escalated,note";
    static final String HAZARDS = "hazard_id,found_date,category,unit_code,status,status_date";
    static final String INSPECTIONS = "inspection_id,inspection_date,venue_id,violations_found,violations_handled";


    /** A night on the test inbox; checks every file's accounting and returns the console summary. */
    private String nightlySummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ingest.nightly(inbox.dir(), new PrintStream(out, true, StandardCharsets.UTF_8));
        warehouse.assertAccountingHolds();
        warehouse.assertDerivedTablesFollowTheRows();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aVisitsFileWithEveryDateFormIsLoaded() {
        // given visits dated in the four accepted forms
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,走访住户",
                "V2,2026/2/3,100001,enterprise,91150802MA0N12340C,5,1,",
                "V3,20260202,100002,venue,V150802001001,2,0,",
                "V4,2026年2月1日,100002,village,150821100201,10,2,");

        // when the night runs
        String summary = nightlySummary();

        // then every row is loaded, with its date
        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv"))
                .containsEntry("outcome", "loaded").containsEntry("rows_read", 4).containsEntry("rows_loaded", 4);
        assertThat(jdbc.queryForList("select visit_id, visit_date::text from core.visit order by visit_id"))
                .extracting(row -> row.get("visit_id") + " " + row.get("visit_date"))
                .containsExactly("V1 2026-02-03", "V2 2026-02-03", "V3 2026-02-02", "V4 2026-02-01");
        assertThat(summary).contains("1 new file(s) — loaded 1").contains("4 read = 4 loaded + 0 duplicate + 0 rejected");
    }

    @Test
    void everyRowCodeIsRecordedWithItsPhysicalLineAndRawLine() {
        // given rows each breaking rules of contract section 3 (campaign start 2026-01-15)
        String visits = P1 + "_20260203_visits.csv";
        inbox.utf8(visits, VISITS,
                ",2026-02-03,100001,household,150802001001,3,0,",                  // 2: R01
                "V2,2026-02-30,100001,household,150802001001,3,0,",                // 3: R02
                "V3,2026-01-14,100001,household,150802001001,3,0,",                // 4: R03 before the campaign
                "V4,2026-02-04,100001,household,150802001001,3,0,",                // 5: R03 after the submission date
                "V5,2026-02-03,100001,household,150802001001,501,0,",              // 6: R04
                "V6,2026-02-03,100001,house,150802001001,3,0,",                    // 7: R05
                "V7,2026-02-03,100001,household,150802009999,3,0,",                // 8: R06
                "V8,2026-02-03,100001,enterprise,91150802MA0N12340D,3,0,",         // 9: R06 and R07
                "V9,2026-02-03,100001,household,150802001001,3",                   // 10: R08 alone
                "V10,2026-02-03,12345,household,150802001001,abc,0,",              // 11: R04 and R05
                ",,,,,,,",                                                         // 12: R01 alone, once
                "V12,2026-02-03,100001,venue,V150802009999,1,101,");               // 13: R04 and R06
        String disputes = P1 + "_20260203_disputes.csv";
        inbox.utf8(disputes, DISPUTES,
                "C1,2026-02-01,neighbour,150802001001,resolved,2026-02-02,,false,",   // 2: R09
                "C2,2026-02-02,noise,150802001001,open,2026-02-01,,false,",           // 3: R03 status before reported
                "C3,2026-02-01,噪音,150802001001,已化解,2026-02-03,joint,否,",          // 4: fine, Chinese values
                "C4,2026-02-01,noise,150802001001,resolved,2026-02-03,mediation,maybe,"); // 5: R05
        String inspections = P1 + "_20260203_inspections.csv";
        inbox.utf8(inspections, INSPECTIONS,
                "I1,2026-02-03,V150802001001,2,3",     // 2: R04 handled > found
                "I2,2026-02-03,V150802009999,51,0",    // 3: R04 and R06
                "I3,2026-02-03,V150802001001,2,2");    // 4: fine

        // when the night runs
        nightlySummary();

        // then each rejected row carries its line, every code (sorted) and the raw line
        assertThat(warehouse.rejectedRows(visits)).extracting(r -> r.get("line_no"), r -> r.get("codes")).containsExactly(
                tuple(2, "R01"), tuple(3, "R02"), tuple(4, "R03"), tuple(5, "R03"), tuple(6, "R04"), tuple(7, "R05"),
                tuple(8, "R06"), tuple(9, "R06,R07"), tuple(10, "R08"), tuple(11, "R04,R05"), tuple(12, "R01"),
                tuple(13, "R04,R06"));
        assertThat(warehouse.rejectedRows(visits).get(8).get("raw_line")).isEqualTo("V9,2026-02-03,100001,household,150802001001,3");
        assertThat(warehouse.rejectedRows(disputes)).extracting(r -> r.get("line_no"), r -> r.get("codes"))
                .containsExactly(tuple(2, "R09"), tuple(3, "R03"), tuple(5, "R05"));
        assertThat(warehouse.rejectedRows(inspections)).extracting(r -> r.get("line_no"), r -> r.get("codes"))
                .containsExactly(tuple(2, "R04"), tuple(3, "R04,R06"));
        assertThat(warehouse.ledger(visits)).containsEntry("rows_read", 12).containsEntry("rows_rejected", 12);
        assertThat(warehouse.ledger(disputes)).containsEntry("rows_loaded", 1).containsEntry("rows_rejected", 3);
        assertThat(jdbc.queryForMap("select dispute_type, status, mechanism, escalated from core.dispute_snapshot"))
                .containsEntry("dispute_type", "noise").containsEntry("status", "resolved")
                .containsEntry("mechanism", "joint").containsEntry("escalated", false);
    }

    @Test
    void fileLevelProblemsQuarantineTheWholeFileWithTheirCode() {
        // given one file per file-level problem
        inbox.utf8("150802000001-20260203-visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8(P1 + "_20260203_patrols.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8(P1 + "_20260230_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8("150802999999_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        inbox.utf8(INACTIVE + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150821100202,3,0,");
        inbox.bytes(P1 + "_20260203_disputes.csv", new byte[] {'c', 'a', (byte) 0xFF, (byte) 0xFE, '\n', (byte) 0x81});
        inbox.bytes(P1 + "_20260203_hazards.csv", new byte[] {'a', ',', 0, 0, 'b', '\n'});
        inbox.utf8(P1 + "_20260203_inspections.csv", "inspection_id,inspection_date,venue_id,violations_found",
                "I1,2026-02-03,V150802001001,0");
        inbox.bytes(P2 + "_20260203_visits.csv", new byte[0]);
        inbox.bytes(P2 + "_20260203_disputes.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        inbox.utf8(P2 + "_20260203_hazards.csv", "   ", "", "\t");

        // when the night runs
        nightlySummary();

        // then each is quarantined with its code and none of its rows is used
        assertThat(jdbc.queryForList("select file_name, code from ingest.file_ledger where outcome = 'quarantined' order by file_name"))
                .extracting(r -> r.get("file_name") + " " + r.get("code")).containsExactly(
                        "150802000001-20260203-visits.csv F01",
                        "150802000001_20260203_disputes.csv F03",
                        "150802000001_20260203_hazards.csv F03",
                        "150802000001_20260203_inspections.csv F04",
                        "150802000001_20260203_patrols.csv F01",
                        "150802000001_20260230_visits.csv F01",
                        "150802999999_20260203_visits.csv F02",
                        "150821000001_20260203_disputes.csv F06",
                        "150821000001_20260203_hazards.csv F06",
                        "150821000001_20260203_visits.csv F06",
                        INACTIVE + "_20260203_visits.csv F02");
        assertThat(warehouse.count("select count(*) from core.visit")).isZero();
        assertThat(warehouse.ledger(P1 + "_20260203_inspections.csv").get("detail").toString())
                .contains("violations_handled (查处违法行为)");
    }

    @Test
    void aHeaderOnlyFileIsAValidZeroReport() {
        inbox.utf8(P1 + "_20260203_hazards.csv", HAZARDS);
        nightlySummary();
        assertThat(warehouse.ledger(P1 + "_20260203_hazards.csv"))
                .containsEntry("outcome", "loaded").containsEntry("code", null).containsEntry("rows_read", 0);
    }

    @Test
    void anExcelExportInGb18030WithChineseHeadersAndValuesAndCrlfIsRead() {
        // given what Excel on a Chinese desktop saves: GB18030, CRLF, Chinese headers in another order
        inbox.gb18030Crlf(P1 + "_20260203_disputes.csv",
                "纠纷编号,排查日期,纠纷类型,所在村社区,状态,状态日期,化解方式,民转刑,备注",
                "JF-001,2026年2月1日,土地草场,150802001002,已化解,2026/2/3,court_station,是,草场边界纠纷 庭所对接",
                "JF-002,2026年2月2日,劳资,150802001001,调解中,2026/2/3,,否,\"拖欠工资，\r\n多次协商\"");
        inbox.gb18030Crlf(P1 + "_20260203_hazards.csv",
                "隐患类别,隐患编号,状态日期,状态,所在村社区,发现日期",
                "fire,YH-01,2026-02-03,已整改,150802001001,2026-02-02");

        nightlySummary();

        assertThat(warehouse.ledger(P1 + "_20260203_disputes.csv")).containsEntry("outcome", "loaded").containsEntry("rows_loaded", 2);
        assertThat(jdbc.queryForObject("select encoding from ingest.file where file_name = ?", String.class,
                P1 + "_20260203_disputes.csv")).isEqualTo("GB18030");
        assertThat(jdbc.queryForList("select case_id, dispute_type, status, escalated, note from core.dispute_snapshot order by case_id"))
                .extracting(r -> r.get("case_id") + " " + r.get("dispute_type") + " " + r.get("status") + " " + r.get("escalated") + " " + r.get("note"))
                .containsExactly("JF-001 land resolved true 草场边界纠纷 庭所对接", "JF-002 labour mediating false 拖欠工资，\n多次协商");
        assertThat(jdbc.queryForMap("select hazard_id, category, status from core.hazard_snapshot"))
                .containsEntry("hazard_id", "YH-01").containsEntry("status", "rectified");
    }

    @Test
    void utf8WithBomAndCrlfIsRead() {
        inbox.utf8WithBom(P1 + "_20260203_inspections.csv", INSPECTIONS + "\r", "I1,2026-02-03,V150802001001,2,1\r");
        nightlySummary();
        assertThat(warehouse.ledger(P1 + "_20260203_inspections.csv")).containsEntry("rows_loaded", 1);
        assertThat(jdbc.queryForObject("select inspection_id from core.inspection", String.class)).isEqualTo("I1");
    }

    @Test
    void aQuotedLineBreakKeepsLineNumbersPhysicalAndBlankLinesAreNotRecords() {
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,\"第一行",
                "第二行\"",
                "",
                "V2,2026-02-03,100001,household,150802001001,3,0,\"他说\"\"好\"\"\"",
                "V3,2026-02-03,1,household,150802001001,3,0,");
        nightlySummary();
        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv")).containsEntry("rows_read", 3);
        assertThat(warehouse.rejectedRows(P1 + "_20260203_visits.csv")).extracting(r -> r.get("line_no")).containsExactly(6);
        assertThat(jdbc.queryForObject("select note from core.visit where visit_id = 'V2'", String.class)).isEqualTo("他说\"好\"");
    }

    @Test
    void extraColumnsAreIgnoredAndNeverStored() {
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS + ",身份证,住址",
                "V1,2026-02-03,100001,household,150802001001,3,0,走访,EXTRA-SECRET-1,EXTRA-SECRET-2");
        nightlySummary();
        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv")).containsEntry("rows_loaded", 1);
        for (String table : List.of("core.visit", "core.visit_row", "ingest.rejected_row_store")) {
            assertThat(warehouse.count("select count(*) from " + table + " t where t::text like '%EXTRA-SECRET%'"))
                    .as(table).isZero();
        }
    }

    @Test
    void residentIdsAndMobileNumbersAreMaskedBeforeStorage() {
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,户主身份证15080219800101123X 电话13912345678",
                "V2,2026-02-03,100001,household,150802009999,3,0,联系电话18647811234");
        nightlySummary();
        assertThat(jdbc.queryForObject("select note from core.visit", String.class))
                .isEqualTo("户主身份证150*************3X 电话139******78");
        assertThat(warehouse.rejectedRows(P1 + "_20260203_visits.csv").get(0).get("raw_line"))
                .isEqualTo("V2,2026-02-03,100001,household,150802009999,3,0,联系电话186******34");
    }

    @Test
    void theSameBytesUnderAnotherNameAreADuplicateAndTheSameFileAgainIsIgnored() {
        // given a file, and the same bytes under another name
        Path first = inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightlySummary();
        inbox.bytes(P1 + "_20260204_visits.csv", readAll(first));

        // when the next night runs
        String summary = nightlySummary();

        // then the copy is a duplicate of the first, not read; the first is not ingested twice
        assertThat(warehouse.ledger(P1 + "_20260204_visits.csv")).containsEntry("outcome", "duplicate")
                .containsEntry("duplicate_of", P1 + "_20260203_visits.csv").containsEntry("rows_read", 0);
        assertThat(summary).contains("1 new file(s) — duplicate 1");
        assertThat(warehouse.count("select count(*) from ingest.file")).isEqualTo(2);
        assertThat(warehouse.count("select count(*) from core.visit_row")).isEqualTo(1);
        assertThat(nightlySummary()).contains("0 new file(s)");
    }

    @Test
    void aHigherVersionReplacesTheLowerEntirely() {
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,",
                "V2,2026-02-03,100001,household,150802001002,4,0,");
        nightlySummary();
        inbox.utf8(P1 + "_20260203_visits_v2.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,9,0,更正");

        nightlySummary();

        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv")).containsEntry("outcome", "superseded").containsEntry("rows_loaded", 2);
        assertThat(warehouse.ledger(P1 + "_20260203_visits_v2.csv")).containsEntry("outcome", "loaded");
        assertThat(jdbc.queryForList("select visit_id, persons_reached from core.visit"))
                .extracting(r -> r.get("visit_id") + " " + r.get("persons_reached")).containsExactly("V1 9");
    }

    @Test
    void aLowerVersionArrivingAfterAHigherIsStaleAndNotUsed() {
        inbox.utf8(P1 + "_20260203_visits_v3.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,9,0,");
        nightlySummary();
        inbox.utf8(P1 + "_20260203_visits_v2.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,5,0,");

        nightlySummary();

        assertThat(warehouse.ledger(P1 + "_20260203_visits_v2.csv")).containsEntry("outcome", "stale").containsEntry("rows_read", 0);
        assertThat(jdbc.queryForObject("select persons_reached from core.visit", Integer.class)).isEqualTo(9);
    }

    @Test
    void theSameVersionWithDifferentContentIsF05AndTheFirstStaysInUse() {
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightlySummary();
        inbox.utf8(P1 + "_20260203_visits_v1.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,7,0,");

        nightlySummary();

        assertThat(warehouse.ledger(P1 + "_20260203_visits_v1.csv")).containsEntry("outcome", "quarantined").containsEntry("code", "F05");
        assertThat(jdbc.queryForObject("select persons_reached from core.visit", Integer.class)).isEqualTo(3);
    }

    @Test
    void aRepeatedKeyWithinAFileIsADuplicateAndAcrossDatesTheLatestSubmissionWins() {
        // given a visit repeated within one file, and again in the next day's file
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,first",
                "V1,2026-02-03,100001,household,150802001001,4,0,repeat");
        inbox.utf8(P1 + "_20260204_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,5,0,next day");
        inbox.utf8(P1 + "_20260203_disputes.csv", DISPUTES,
                "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,",
                "C1,2026-02-01,noise,150802001001,open,2026-02-01,,false,",
                "C1,2026-02-01,noise,150802001001,mediating,2026-02-03,,false,");

        nightlySummary();

        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv"))
                .containsEntry("rows_loaded", 1).containsEntry("rows_duplicate", 1);
        assertThat(warehouse.ledger(P1 + "_20260204_visits.csv")).containsEntry("rows_loaded", 1);
        assertThat(jdbc.queryForMap("select persons_reached, note from core.visit"))
                .containsEntry("persons_reached", 5).containsEntry("note", "next day");
        assertThat(warehouse.ledger(P1 + "_20260203_disputes.csv"))
                .containsEntry("rows_loaded", 2).containsEntry("rows_duplicate", 1);
    }

    @Test
    void aNightComparesWithTheLedgerOnlyTheFilesChangedSinceTheLastListing() {
        // given a night that listed the inbox
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS, "V1,2026-02-03,100001,household,150802001001,3,0,");
        nightlySummary();
        // when the last listing says nothing changed before a time still to come, a new file is not looked at
        jdbc.update("update ingest.listing_mark set changed_since = now() + interval '1 day'");
        inbox.utf8(P1 + "_20260204_visits.csv", VISITS, "V2,2026-02-04,100001,household,150802001001,3,0,");
        assertThat(nightlySummary()).contains("0 new file(s)");

        // then, the mark moved back before it, the file is found
        jdbc.update("update ingest.listing_mark set changed_since = now() - interval '1 day'");
        assertThat(nightlySummary()).contains("1 new file(s) — loaded 1");
        // and the mark follows the files seen: back from their latest change by the margin
        assertThat(warehouse.count("select count(*) from ingest.listing_mark where changed_since < now()")).isEqualTo(1);
    }

    /** Contract section 3, order of the file checks: a file's own defects come before F05 and stale. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Arrival.class)
    void aBrokenLowerVersionIsQuarantinedWithItsOwnCodeWhateverArrivedFirst(Arrival arrival) {
        // given a corrected v2 and two broken v1 files: one lacks a column (F04), one is not text (F03)
        String v2 = P1 + "_20260203_visits_v2.csv";
        String missingColumn = P1 + "_20260203_visits.csv";
        String undecodable = P1 + "_20260203_inspections.csv";
        String inspectionsV2 = P1 + "_20260203_inspections_v2.csv";
        Runnable corrected = () -> {
            inbox.utf8(v2, VISITS, "V1,2026-02-03,100001,household,150802001001,9,0,更正");
            inbox.utf8(inspectionsV2, INSPECTIONS, "I1,2026-02-03,V150802001001,2,1");
        };
        Runnable broken = () -> {
            inbox.utf8(missingColumn, "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,note",
                    "V1,2026-02-03,100001,household,150802001001,3,");
            inbox.bytes(undecodable, new byte[] {'I', '1', ',', (byte) 0xFF, (byte) 0xFE, '\n', (byte) 0x81});
        };

        // when they arrive on two nights, in either order
        (arrival == Arrival.BROKEN_FIRST ? broken : corrected).run();
        nightlySummary();
        (arrival == Arrival.BROKEN_FIRST ? corrected : broken).run();
        nightlySummary();

        // then each broken file is quarantined with its own code, never stale, and v2 is in use
        assertThat(warehouse.ledger(missingColumn)).containsEntry("outcome", "quarantined").containsEntry("code", "F04")
                .containsEntry("rows_read", 0);
        assertThat(warehouse.ledger(undecodable)).containsEntry("outcome", "quarantined").containsEntry("code", "F03");
        assertThat(warehouse.ledger(v2)).containsEntry("outcome", "loaded").containsEntry("rows_loaded", 1);
        assertThat(warehouse.ledger(inspectionsV2)).containsEntry("outcome", "loaded");
        assertThat(jdbc.queryForObject("select persons_reached from core.visit", Integer.class)).isEqualTo(9);
    }

    enum Arrival { BROKEN_FIRST, CORRECTED_FIRST }

    /** Contract sections 3 and 4: a key repeated within one file is counted once, with the later line's values. */
    @Test
    void aKeyRepeatedWithinAFileIsCountedOnceWithTheLaterLinesValues() {
        // given a visit and an inspection each corrected by a line appended at the end of its file
        inbox.utf8(P1 + "_20260203_visits.csv", VISITS,
                "V1,2026-02-03,100001,household,150802001001,3,0,first",
                "V2,2026-02-03,100001,household,150802001002,1,0,",
                "V1,2026-02-03,100001,household,150802001001,8,0,corrected");
        inbox.utf8(P1 + "_20260203_inspections.csv", INSPECTIONS,
                "I1,2026-02-03,V150802001001,2,1",
                "I1,2026-02-03,V150802001001,5,4");
        // and a case whose snapshot is repeated after a different one of the same day
        inbox.utf8(P1 + "_20260203_disputes.csv", DISPUTES,
                "C1,2026-02-01,noise,150802001001,resolved,2026-02-03,joint,false,",
                "C1,2026-02-01,noise,150802001001,open,2026-02-03,,false,",
                "C1,2026-02-01,noise,150802001001,resolved,2026-02-03,joint,false,");

        // when the night runs
        nightlySummary();

        // then the later line is the repeat in the accounting ...
        assertThat(warehouse.ledger(P1 + "_20260203_visits.csv"))
                .containsEntry("rows_loaded", 2).containsEntry("rows_duplicate", 1);
        assertThat(warehouse.ledger(P1 + "_20260203_inspections.csv"))
                .containsEntry("rows_loaded", 1).containsEntry("rows_duplicate", 1);
        assertThat(warehouse.ledger(P1 + "_20260203_disputes.csv"))
                .containsEntry("rows_loaded", 2).containsEntry("rows_duplicate", 1);
        // ... and the metrics use its values: 8 + 1 persons, 5 violations found and 4 handled, C1 resolved
        assertThat(jdbc.queryForMap("""
                select visits_day, persons_reached_day, inspections_ctd, violations_found_ctd, violations_handled_ctd,
                       disputes_found_ctd, disputes_resolved_ctd
                from mart.daily_org_metrics where metric_date = '2026-02-03' and org_code = ?""", P1))
                .containsEntry("visits_day", 2L).containsEntry("persons_reached_day", 9L)
                .containsEntry("inspections_ctd", 1L).containsEntry("violations_found_ctd", 5L)
                .containsEntry("violations_handled_ctd", 4L)
                .containsEntry("disputes_found_ctd", 1L).containsEntry("disputes_resolved_ctd", 1L);
        assertThat(jdbc.queryForObject("select note from core.visit where visit_id = 'V1'", String.class)).isEqualTo("corrected");
    }

    @Test
    void oddNamesAreDataAndFoldersAreSkipped() throws Exception {
        inbox.utf8(".._20260203_visits.csv", VISITS);
        inbox.utf8("150802000001_20260203_visits (1).csv", VISITS);
        inbox.utf8("巴彦淖尔_20260203_visits.csv", VISITS);
        Files.createDirectory(inbox.dir().resolve(P1 + "_20260205_visits.csv"));

        String summary = nightlySummary();

        assertThat(jdbc.queryForList("select file_name, code from ingest.file_ledger order by file_name"))
                .extracting(r -> r.get("file_name") + " " + r.get("code")).containsExactly(
                        ".._20260203_visits.csv F01", "150802000001_20260203_visits (1).csv F01",
                        "巴彦淖尔_20260203_visits.csv F01");
        assertThat(summary).contains("3 new file(s)");
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
