package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.csv.CsvRecord;
import cn.campaign.pipeline.csv.CsvRecordReader;
import cn.campaign.pipeline.csv.FileInspection;
import cn.campaign.pipeline.warehouse.CopyRows;
import cn.campaign.pipeline.warehouse.SqlFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads the five registry files in one transaction: COPY each into its staging table,
 * check every rule in SQL ({@code sql/registry/registry_errors.sql}), and publish only when
 * no line breaks one. Any failure rolls the whole transaction back, so the previous
 * registry stays in force.
 */
class RegistryLoadTasklet implements Tasklet {

    private static final SqlFile FRESH_STATISTICS = SqlFile.of("registry/fresh_statistics");
    private static final SqlFile ERRORS = SqlFile.of("registry/registry_errors");
    private static final SqlFile PUBLISH = SqlFile.of("registry/publish_registry");

    private final Path registryDir;
    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate jdbc;

    RegistryLoadTasklet(Path registryDir, DataSource dataSource) {
        this.registryDir = registryDir;
        this.dataSource = dataSource;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        if (!Files.isDirectory(registryDir)) {
            throw new PipelineFailure(registryDir + ": registry folder not found");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        for (RegistryFile file : RegistryFile.values()) {
            jdbc.getJdbcTemplate().execute("truncate " + file.stagingTable);
            contribution.incrementWriteCount(stage(file, connection));
        }
        FRESH_STATISTICS.execute(jdbc, Map.of());
        List<String> violations = jdbc.query(ERRORS.query(), (rs, i) ->
                rs.getString("file") + ":" + rs.getInt("line_no") + ": " + rs.getString("rule"));
        if (!violations.isEmpty()) {
            throw new RegistryRejectedException(violations);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sourceDir", registryDir.toAbsolutePath().normalize().toString());
        PUBLISH.execute(jdbc, parameters);
        return RepeatStatus.FINISHED;
    }

    /** COPYs one file's records into staging, column values as text; returns the records read. */
    private long stage(RegistryFile file, Connection connection) throws IOException, SQLException {
        Path path = registryDir.resolve(file.fileName);
        if (!Files.isRegularFile(path)) {
            throw new PipelineFailure(path + ": file not found");
        }
        FileInspection inspection = FileInspection.of(path);
        if (inspection.charset() != StandardCharsets.UTF_8 || inspection.binary()) {
            throw new PipelineFailure(path + ": not a UTF-8 CSV file");
        }
        try (Reader text = inspection.open(path); CsvRecordReader records = new CsvRecordReader(text);
             CopyRows copy = CopyRows.into(connection, file.stagingTable,
                     "line_no, field_count, expected_fields, " + String.join(", ", file.columns))) {
            CsvRecord header = records.next();
            int[] positions = headerPositions(path, file, header);
            int headerSize = header.size();
            CsvRecord record;
            while ((record = records.next()) != null) {
                copy.add(record.lineNo()).add(record.size()).add(headerSize);
                for (int position : positions) {
                    copy.add(record.malformed() || position >= record.size() ? null : record.fields().get(position));
                }
                copy.endRow();
            }
            return copy.finish();
        }
    }

    /** Where each expected column sits in the file; a missing column fails the load. */
    private static int[] headerPositions(Path path, RegistryFile file, CsvRecord header) {
        if (header == null || header.malformed()) {
            throw new PipelineFailure(path + ": no CSV header; expected " + String.join(",", file.columns));
        }
        List<String> names = header.fields().stream().map(name -> name.replace("\uFEFF", "").strip()).toList();
        List<String> missing = new ArrayList<>();
        int[] positions = new int[file.columns.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = names.indexOf(file.columns.get(i));
            if (positions[i] < 0) {
                missing.add(file.columns.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new PipelineFailure(path + ":1: header lacks column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(",", file.columns));
        }
        return positions;
    }
}
