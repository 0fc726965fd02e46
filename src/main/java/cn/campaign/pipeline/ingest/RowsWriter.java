package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.contract.SubmissionKind;
import cn.campaign.pipeline.warehouse.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the rows of one chunk's files where they stay, with COPY on the chunk's connection
 * and so in its transaction: each loaded row of a version in use into its kind's row table,
 * each rejected row into {@code ingest.rejected_row_store}. The files of a chunk share one
 * COPY per table and block ({@link CopyRows#inBlocks}) rather than one or two per file: a
 * national night's 15,720 files of about 125 rows each then start under 5,000 COPYs instead
 * of about 25,000 (docs/performance.md).
 */
final class RowsWriter implements AutoCloseable {

    private static final String REJECT_COLUMNS = "file_id, line_no, codes, raw_line";

    private final Connection connection;
    private final Map<SubmissionKind, CopyRows> rows = new EnumMap<>(SubmissionKind.class);
    private CopyRows rejects;

    RowsWriter(Connection connection) {
        this.connection = connection;
    }

    void loaded(PendingFile file, ValidatedRow row) throws SQLException {
        CopyRows copy = rows.get(file.kind());
        if (copy == null) {
            copy = CopyRows.inBlocks(connection, file.kind().rowTable(),
                    "file_id, line_no, precinct_code, submission_date, " + String.join(", ", file.kind().columnNames()));
            rows.put(file.kind(), copy);
        }
        copy.add(file.fileId()).add(row.lineNo()).add(file.precinctCode()).add(file.submissionDate());
        for (Object value : row.values()) {
            copy.add(value == null ? null : value.toString());
        }
        copy.endRow();
    }

    void rejected(PendingFile file, ValidatedRow row) throws SQLException {
        if (rejects == null) {
            rejects = CopyRows.inBlocks(connection, "ingest.rejected_row_store", REJECT_COLUMNS);
        }
        rejects.add(file.fileId()).add(row.lineNo())
                .add(row.codes().stream().map(RejectCode::name).collect(Collectors.joining(",", "{", "}")))
                .add(row.maskedRaw());
        rejects.endRow();
    }

    /** Ends the chunk: what is left of every table's rows is sent (each COPY checks that PostgreSQL took all it sent). */
    void finish() throws SQLException {
        for (CopyRows copy : rows.values()) {
            copy.finish();
        }
        if (rejects != null) {
            rejects.finish();
        }
    }

    @Override
    public void close() throws SQLException {
        for (CopyRows copy : rows.values()) {
            copy.close();
        }
        if (rejects != null) {
            rejects.close();
        }
    }
}
