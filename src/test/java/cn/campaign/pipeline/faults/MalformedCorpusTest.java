package cn.campaign.pipeline.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.Inbox;
import cn.campaign.pipeline.WarehouseTest;
import cn.campaign.pipeline.csv.FileInspection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's malformed corpus: whatever arrives, every file ends in the ledger with an
 * outcome and its accounting, nothing crashes, SQL-looking text is stored verbatim, and
 * the inbox is left byte for byte as it was.
 */
class MalformedCorpusTest extends WarehouseTest {

    static final String P1 = "150802000001";
    static final String VISITS = "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note";


    @Test
    void everyMalformedFileIsAccountedForAndTheInboxIsUnchanged() throws IOException {
        // given a corpus of everything that goes wrong in files
        String row = "V1,2026-02-01,100001,household,150802001001,3,0,";
        inbox.utf8(P1 + "_20260201_visits.csv", VISITS, row + "\"unbalanced quote", "V2,2026-02-01,100001,household,150802001001,3,0,");
        inbox.utf8(P1 + "_20260202_visits.csv", VISITS, row + "x".repeat(10 * 1024 * 1024));
        inbox.bytes(P1 + "_20260203_visits.csv", randomBytes(4096));
        inbox.bytes(P1 + "_20260204_visits.csv", (VISITS + "\n" + row + "a\0b\n").getBytes(StandardCharsets.UTF_8));
        byte[] utf8 = (VISITS + "\n" + row + "走访记录\n").getBytes(StandardCharsets.UTF_8);
        utf8[utf8.length - 4] = (byte) 0xC3;
        inbox.bytes(P1 + "_20260205_visits.csv", utf8);
        byte[] gb = (VISITS + "\n" + row + "走访记录\n").getBytes(Inbox.GB18030);
        byte[] gbWithBom = new byte[gb.length + 3];
        gbWithBom[0] = (byte) 0xEF;
        gbWithBom[1] = (byte) 0xBB;
        gbWithBom[2] = (byte) 0xBF;
        System.arraycopy(gb, 0, gbWithBom, 3, gb.length);
        inbox.bytes(P1 + "_20260206_visits.csv", gbWithBom);
        inbox.bytes(P1 + "_20260207_visits.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        inbox.utf8(P1 + "_20260208_visits.csv", VISITS + ",visit_id,note", row + ",dup-id,dup-note");
        inbox.bytes(P1 + "_20260209_visits.csv", new byte[0]);
        inbox.utf8(P1 + "_20260210_visits.csv", VISITS, row + "'); DROP TABLE core.visit; --");
        inbox.utf8(".._20260211_visits.csv", VISITS, row);
        inbox.utf8(P1 + "_20260212_visits copy.csv", VISITS, row);
        inbox.utf8(P1 + "_20260213_走访.csv", VISITS, row);
        Files.createDirectory(inbox.dir().resolve(P1 + "_20260214_visits.csv"));
        Map<String, String> before = hashes(inbox.dir());

        // when the night runs
        nightly();

        // then every file has an outcome and its accounting holds
        warehouse.assertAccountingHolds();
        assertThat(jdbc.queryForList("select file_name, outcome, code from ingest.file_ledger order by file_name"))
                .extracting(r -> r.get("file_name") + " " + r.get("outcome") + " " + r.get("code")).containsExactly(
                        ".._20260211_visits.csv quarantined F01",
                        P1 + "_20260201_visits.csv loaded null",
                        P1 + "_20260202_visits.csv loaded null",
                        P1 + "_20260203_visits.csv quarantined F03",
                        P1 + "_20260204_visits.csv quarantined F03",
                        P1 + "_20260205_visits.csv loaded null",
                        P1 + "_20260206_visits.csv quarantined F03",
                        P1 + "_20260207_visits.csv quarantined F06",
                        P1 + "_20260208_visits.csv loaded null",
                        P1 + "_20260209_visits.csv quarantined F06",
                        P1 + "_20260210_visits.csv loaded null",
                        P1 + "_20260212_visits copy.csv quarantined F01",
                        P1 + "_20260213_走访.csv quarantined F01");
        // a UTF-8 file with a broken byte and no BOM is read as GB18030, the contract's other encoding
        assertThat(jdbc.queryForObject("select encoding from ingest.file where file_name = ?", String.class,
                P1 + "_20260205_visits.csv")).isEqualTo("GB18030");
        // the unbalanced quote swallows the rest of the file into one R08 record
        assertThat(warehouse.ledger(P1 + "_20260201_visits.csv")).containsEntry("rows_read", 1).containsEntry("rows_rejected", 1);
        assertThat(jdbc.queryForObject("select length(note) from core.visit_row where submission_date = '2026-02-02'",
                Integer.class)).isEqualTo(10 * 1024 * 1024);
        // a repeated column name: its first occurrence is read
        assertThat(jdbc.queryForMap("select visit_id, note from core.visit_row where submission_date = '2026-02-08'"))
                .containsEntry("visit_id", "V1").containsEntry("note", null);
        assertThat(jdbc.queryForObject("select note from core.visit_row where submission_date = '2026-02-10'", String.class))
                .isEqualTo("'); DROP TABLE core.visit; --");
        // and the inbox is exactly as it was
        assertThat(hashes(inbox.dir())).isEqualTo(before);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                hashes.put(entry.getFileName().toString(),
                        Files.isDirectory(entry) ? "folder" : FileInspection.sha256Of(entry));
            }
        }
        return hashes;
    }
}
