package cn.campaign.pipeline.report;

import cn.campaign.pipeline.feedback.FeedbackWriter;
import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.operation.PipelinePaths;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code jobs/export}: metrics of one level and date range as a CSV file that Excel opens as
 * it is — UTF-8 with BOM, headers in Chinese and English ({@link MetricColumn#header()}),
 * and no cell Excel would run as a formula. Rows are streamed from the database.
 */
@Component
public class MetricsExport {

    private static final SqlFile EXPORT_METRICS = SqlFile.of("report/export_metrics");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final PipelinePaths paths;

    public MetricsExport(DataSource dataSource, PlatformTransactionManager transactionManager, PipelinePaths paths) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.jdbc.getJdbcTemplate().setFetchSize(1000);
        // PostgreSQL streams with a fetch size only inside a transaction
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.paths = paths;
    }

    /** Writes the file and names it on {@code out}; returns it. */
    public Path write(ExportRequest request, PrintStream out) {
        Path target = request.out() != null ? request.out() : paths.exportsDir().resolve(request.defaultFileName());
        Map<String, Object> parameters = Map.of("level", request.level(),
                "fromDate", Date.valueOf(request.from()), "toDate", Date.valueOf(request.to()));
        long rows;
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (BufferedWriter file = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(file, CSVFormat.RFC4180)) {
                file.write('\uFEFF');
                ResultSetExtractor<Long> writer = rs -> writeRows(rs, printer);
                rows = readOnly.execute(status -> jdbc.query(EXPORT_METRICS.query(), parameters, writer));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new PipelineFailure("cannot write the export: " + e.getMessage(), e);
        }
        out.printf("exported %d row(s) of %s metrics, %s..%s, to %s%n", rows, request.level(), request.from(), request.to(), target);
        return target;
    }

    /** The header (named by the query's columns) and every row; returns the number of rows. */
    private static long writeRows(ResultSet rs, CSVPrinter printer) throws SQLException {
        ResultSetMetaData columns = rs.getMetaData();
        String[] cells = new String[columns.getColumnCount()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = MetricColumn.of(columns.getColumnLabel(i + 1)).header();
        }
        print(printer, cells);
        long rows = 0;
        while (rs.next()) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = FeedbackWriter.neutralise(rs.getString(i + 1));
            }
            print(printer, cells);
            rows++;
        }
        return rows;
    }

    private static void print(CSVPrinter printer, String[] cells) {
        try {
            printer.printRecord((Object[]) cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
