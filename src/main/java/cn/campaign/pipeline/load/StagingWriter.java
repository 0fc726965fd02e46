package cn.campaign.pipeline.load;

import cn.campaign.pipeline.ingest.RejectCode;
import cn.campaign.pipeline.ingest.SubmissionKind;
import cn.campaign.pipeline.ingest.ValidatedRow;
import cn.campaign.pipeline.warehouse.CopyRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Streams one file's validated rows into its kind's staging table with COPY, on the
 * caller's connection and so inside the file's transaction. Every record is staged,
 * rejected or not: the merge decides each row's outcome set-based.
 */
public final class StagingWriter implements AutoCloseable {

    private final CopyRows copy;
    private final long fileId;

    private StagingWriter(CopyRows copy, long fileId) {
        this.copy = copy;
        this.fileId = fileId;
    }

    public static StagingWriter open(Connection connection, SubmissionKind kind, long fileId) throws SQLException {
        String columns = "file_id, line_no, codes, raw_line, " + String.join(", ", kind.columnNames());
        return new StagingWriter(CopyRows.into(connection, kind.stagingTable(), columns), fileId);
    }

    public void write(ValidatedRow row) throws SQLException {
        copy.add(fileId).add(row.lineNo()).add(codesArray(row)).add(row.maskedRaw());
        for (Object value : row.values()) {
            copy.add(value == null ? null : value.toString());
        }
        copy.endRow();
    }

    /** Ends the COPY; returns the rows staged. */
    public long finish() throws SQLException {
        return copy.finish();
    }

    private static String codesArray(ValidatedRow row) {
        return row.codes().stream().map(RejectCode::name).collect(Collectors.joining(",", "{", "}"));
    }

    @Override
    public void close() throws SQLException {
        copy.close();
    }
}
