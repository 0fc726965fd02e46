package cn.campaign.pipeline.feedback;

import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code var/feedback/<run>/<precinct_code>.csv} for every precinct with something to fix in
 * a run (contract section 6): UTF-8 with BOM so Excel shows the Chinese, one line per
 * rejected row or problem file, the reason in Chinese and English, and any cell that Excel
 * would run as a formula neutralised. Rows are streamed, one precinct file open at a time.
 */
public class FeedbackWriter {

    static final String[] HEADER = {"文件 file", "行号 line", "代码 codes", "原因 reason", "原始行 raw line"};
    private static final SqlFile FEEDBACK_ROWS = SqlFile.of("feedback/feedback_rows");
    private static final String NO_PRECINCT = "unknown_precinct";

    private final NamedParameterJdbcTemplate jdbc;

    public FeedbackWriter(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.jdbc.getJdbcTemplate().setFetchSize(1000);
    }

    /** Writes the run's feedback files into {@code runDir}; returns how many it wrote. */
    public int write(long runId, Path runDir) {
        Writer writer = new Writer(runDir);
        jdbc.query(FEEDBACK_ROWS.query(), Map.of("runId", runId), writer::row);
        writer.close();
        return writer.files;
    }

    /** The name of a precinct's feedback file in its run folder. */
    public static String fileName(String precinctCode) {
        return (precinctCode.isEmpty() ? NO_PRECINCT : precinctCode) + ".csv";
    }

    /** A cell Excel would take for a formula (=, +, -, @, tab, CR first) gets a leading quote. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    public static String reason(String codes, String detail) {
        String reason = Arrays.stream(codes.split(","))
                .map(code -> switch (code) {
                    case "duplicate" -> "重复文件 / duplicate file";
                    case "stale" -> "过期版本，已有更高版本 / stale version, a higher one was already ingested";
                    default -> RejectCode.valueOf(code).reason();
                })
                .collect(Collectors.joining("; "));
        return detail == null ? reason : reason + " (" + detail + ")";
    }

    private static final class Writer {
        private final Path runDir;
        private String precinct;
        private CSVPrinter printer;
        private int files;

        Writer(Path runDir) {
            this.runDir = runDir;
        }

        void row(ResultSet rs) throws SQLException {
            String rowPrecinct = rs.getString("precinct_code");
            try {
                if (!rowPrecinct.equals(precinct)) {
                    close();
                    open(rowPrecinct);
                }
                int line = rs.getInt("line_no");
                Object lineCell = rs.wasNull() ? "" : line;
                String codes = rs.getString("codes");
                printer.printRecord(neutralise(rs.getString("file_name")), lineCell,
                        codes, neutralise(reason(codes, rs.getString("detail"))), neutralise(rs.getString("raw_line")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void open(String rowPrecinct) throws IOException {
            Files.createDirectories(runDir);
            BufferedWriter out = Files.newBufferedWriter(runDir.resolve(fileName(rowPrecinct)), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            precinct = rowPrecinct;
            files++;
        }

        void close() {
            if (printer != null) {
                try {
                    printer.close(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                printer = null;
            }
        }
    }
}
