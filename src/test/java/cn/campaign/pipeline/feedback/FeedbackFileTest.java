package cn.campaign.pipeline.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.WarehouseTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Contract section 6: a feedback file per precinct with rejects, readable in Excel, safe to open. */
class FeedbackFileTest extends WarehouseTest {

    @Autowired
    PipelinePaths paths;

    @Test
    void aPrecinctWithRejectsGetsAFeedbackFileWithReasonsInChineseAndEnglishAndNoFormulas() throws Exception {
        // given a precinct file with a row whose raw line starts with "=" and a quarantined file
        inbox.utf8("150802000001_20260203_visits.csv",
                "visit_id,visit_date,officer_id,target_type,target_code,persons_reached,issues_found,note",
                "=HYPERLINK(\"http://x\"),2026-02-30,100001,household,150802001001,3,0,",
                "V2,2026-02-03,100001,household,150802001001,3,0,fine");
        inbox.utf8("150802000001_20260203_hazards.csv", "hazard_id,found_date");

        // when the night runs
        long runId = nightly();

        // then its feedback file starts with a BOM, lists both problems, and neutralises the formula
        Path feedback = paths.feedbackDir(runId).resolve("150802000001.csv");
        byte[] bytes = Files.readAllBytes(feedback);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(feedback, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF文件 file,行号 line,代码 codes,原因 reason,原始行 raw line");
        assertThat(lines.get(1)).isEqualTo("150802000001_20260203_hazards.csv,,F04,\"表头缺少必填列 / a required column is missing from the header (header lacks category (隐患类别), unit_code (所在村社区), status (状态), status_date (状态日期))\",");
        assertThat(lines.get(2)).isEqualTo("150802000001_20260203_visits.csv,2,R02,日期无法识别 / date not parseable,"
                + "\"'=HYPERLINK(\"\"http://x\"\"),2026-02-30,100001,household,150802001001,3,0,\"");
        assertThat(lines).hasSize(3);
        assertThat(Files.list(feedback.getParent())).hasSize(1);
    }

    @Test
    void cellsThatExcelWouldRunAsFormulasAreNeutralised() {
        assertThat(FeedbackWriter.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(FeedbackWriter.neutralise("+86 139")).isEqualTo("'+86 139");
        assertThat(FeedbackWriter.neutralise("-2")).isEqualTo("'-2");
        assertThat(FeedbackWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FeedbackWriter.neutralise("走访")).isEqualTo("走访");
    }
}
