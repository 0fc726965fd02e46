package cn.campaign.pipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row as each tool writes it: the contract's names, aliases and Chinese spellings, in the tool's bytes. */
class SubmissionFileWriterTest {

    private static final String[] RESOLVED = SubmissionRows.dispute("JF2026020301", LocalDate.of(2026, 2, 3), "land",
            "150802001201", "resolved", LocalDate.of(2026, 2, 4), "joint", false, "双方和解,已回访");

    @TempDir
    Path tmp;

    @Test
    void writesWhatExcelSavesOnAChineseDesktop() throws IOException {
        // given the layout of Excel's "CSV (逗号分隔)": GB18030, CRLF, Chinese header and values
        Path file = tmp.resolve("excel.csv");
        // when a resolved dispute is written, and once more cut short
        try (SubmissionFileWriter out = new SubmissionFileWriter(file, SubmissionKind.DISPUTES,
                FileLayout.usual(Flavour.EXCEL_GB18030, SubmissionKind.DISPUTES), null)) {
            out.write(RESOLVED);
            out.writeCut(RESOLVED);
        }
        // then the contract's aliases head it, coded values are in Chinese where the contract spells them,
        // dates as 2026/2/4, a comma quoted, and the cut record lacks its last field
        assertThat(new String(Files.readAllBytes(file), Charset.forName("GB18030"))).isEqualTo(
                "纠纷编号,排查日期,纠纷类型,所在村社区,状态,状态日期,化解方式,民转刑,备注\r\n"
                        + "JF2026020301,2026/2/3,土地草场,150802001201,已化解,2026/2/4,joint,否,\"双方和解,已回访\"\r\n"
                        + "JF2026020301,2026/2/3,土地草场,150802001201,已化解,2026/2/4,joint,否\r\n");
    }

    @Test
    void writesAWebExportsChineseHeaderOverEnglishValuesInShuffledColumnsWithAClerk() throws IOException {
        // given a web export's layout with the columns in another order, Chinese dates and the clerk's column
        Path file = tmp.resolve("web.csv");
        FileLayout layout = new FileLayout(Flavour.WEB_EXPORT, DateForm.CHINESE, new int[] {4, 0, 1, 2, 3, 5, 6, 7, 8},
                FileLayout.ExtraColumn.ENTERED_BY, "王丽");
        StringBuilder copy = new StringBuilder();
        // when the dispute is written
        try (SubmissionFileWriter out = new SubmissionFileWriter(file, SubmissionKind.DISPUTES, layout, copy)) {
            out.write(RESOLVED);
        }
        // then a UTF-8 file without BOM heads English values with Chinese names, the clerk last
        String expectedRecord = "resolved,JF2026020301,2026年2月3日,land,150802001201,2026年2月4日,joint,false,"
                + "\"双方和解,已回访\",王丽";
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "状态,纠纷编号,排查日期,纠纷类型,所在村社区,状态日期,化解方式,民转刑,备注,录入人\n" + expectedRecord + "\n");
        // and the copy holds the record as written
        assertThat(copy.toString()).isEqualTo(expectedRecord + "\n");
    }

    @Test
    void writesUtf8WithAByteOrderMarkAsExcelsCsvUtf8() throws IOException {
        Path file = tmp.resolve("bom.csv");
        try (SubmissionFileWriter out = new SubmissionFileWriter(file, SubmissionKind.HAZARDS,
                FileLayout.usual(Flavour.EXCEL_UTF8_BOM, SubmissionKind.HAZARDS), null)) {
            out.write(SubmissionRows.hazard("YH2026020301", LocalDate.of(2026, 2, 3), "fire", "150802001201", "open",
                    LocalDate.of(2026, 2, 3)));
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF隐患编号,发现日期,隐患类别,所在村社区,状态,状态日期\r\n"
                        + "YH2026020301,2026/2/3,fire,150802001201,未整改,2026/2/3\r\n");
    }
}
