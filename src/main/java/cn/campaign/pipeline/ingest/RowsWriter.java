package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.warehouse.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes one file's rows where they stay, with COPY on the caller's connection and so in the
 * file's transaction: each loaded row of the version in use into its kind's row table, each
 * rejected row into {@code ingest.rejected_row_store}. A connection runs one COPY at a time,
 * so rejected rows wait in a small buffer and go out whenever it fills, and at the end.
 */
final class RowsWriter implements AutoCloseable {

    private static final int REJECTS_BUFFERED = 1_000;

    private final Connection connection;
    private final PendingFile file;
    private final boolean rowsInUse;
    private final String rowColumns;
    private final List<ValidatedRow> rejects = new ArrayList<>();
    private CopyRows rows;
    private long rowsWritten;
    private long rejectsWritten;

    /** {@code rowsInUse}: the file is the version in use, so its loaded rows are written. */
    RowsWriter(Connection connection, PendingFile file, boolean rowsInUse) {
        this.connection = connection;
        this.file = file;
        this.rowsInUse = rowsInUse;
        this.rowColumns = "file_id, line_no, precinct_code, submission_date, " + String.join(", ", file.kind().columnNames());
    }

    void loaded(ValidatedRow row) throws SQLException {
        if (!rowsInUse) {
            return;
        }
        if (rows == null) {
            rows = CopyRows.into(connection, file.kind().rowTable(), rowColumns);
        }
        rows.add(file.fileId()).add(row.lineNo()).add(file.precinctCode()).add(file.submissionDate());
        for (Object value : row.values()) {
            rows.add(value == null ? null : value.toString());
        }
        rows.endRow();
    }

    void rejected(ValidatedRow row) throws SQLException {
        rejects.add(row);
        if (rejects.size() >= REJECTS_BUFFERED) {
            flushRejects();
        }
    }

    /** Ends the file: every row is written. */
    void finish() throws SQLException {
        finishRows();
        flushRejects();
    }

    /** Rows written to the row table, and to the rejects, for the database's own count to be checked against. */
    long rowsWritten() {
        return rowsWritten;
    }

    long rejectsWritten() {
        return rejectsWritten;
    }

    private void finishRows() throws SQLException {
        if (rows != null) {
            rowsWritten += rows.finish();
            rows = null;
        }
    }

    private void flushRejects() throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        finishRows();
        try (CopyRows copy = CopyRows.into(connection, "ingest.rejected_row_store", "file_id, line_no, codes, raw_line")) {
            for (ValidatedRow row : rejects) {
                copy.add(file.fileId()).add(row.lineNo())
                        .add(row.codes().stream().map(RejectCode::name).collect(Collectors.joining(",", "{", "}")))
                        .add(row.maskedRaw());
                copy.endRow();
            }
            rejectsWritten += copy.finish();
        }
        rejects.clear();
    }

    @Override
    public void close() throws SQLException {
        if (rows != null) {
            rows.close();
        }
    }
}
