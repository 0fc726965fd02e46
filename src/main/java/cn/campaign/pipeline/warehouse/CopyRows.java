package cn.campaign.pipeline.warehouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with PostgreSQL COPY (text format) over the caller's
 * connection, so the rows land inside the caller's transaction. Rows are buffered and sent
 * in blocks; nothing bigger than a block is held in memory.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BLOCK_BYTES = 256 * 1024;

    private final CopyIn copyIn;
    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK_BYTES + 4096);
    private boolean firstField = true;
    private long rows;

    private CopyRows(CopyIn copyIn) {
        this.copyIn = copyIn;
    }

    /** {@code table} and {@code columns} are the project's own identifiers, never input. */
    public static CopyRows into(Connection connection, String table, String columns) throws SQLException {
        CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
        return new CopyRows(copyIn);
    }

    public CopyRows add(String value) {
        separator();
        if (value == null) {
            line.append("\\N");
            return this;
        }
        // runs without a character to escape are appended whole: this runs for every field of every row
        int unescaped = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                line.append(value, unescaped, i).append(escaped);
                unescaped = i + 1;
            }
        }
        line.append(value, unescaped, value.length());
        return this;
    }

    public CopyRows add(long value) {
        separator();
        line.append(value);
        return this;
    }

    public CopyRows add(Integer value) {
        return value == null ? add((String) null) : add(value.longValue());
    }

    public CopyRows add(LocalDate value) {
        return add(value == null ? null : value.toString());
    }

    public CopyRows add(Boolean value) {
        return add(value == null ? null : value.toString());
    }

    /** Ends the current row. */
    public void endRow() throws SQLException {
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        block.write(bytes, 0, bytes.length);
        line.setLength(0);
        firstField = true;
        rows++;
        if (block.size() >= BLOCK_BYTES) {
            flushBlock();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows PostgreSQL took. */
    public long finish() throws SQLException {
        flushBlock();
        long copied = copyIn.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + rows);
        }
        return copied;
    }

    public long rows() {
        return rows;
    }

    private void separator() {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
    }

    private void flushBlock() throws SQLException {
        if (block.size() > 0) {
            copyIn.writeToCopy(block.toByteArray(), 0, block.size());
            block.reset();
        }
    }

    @Override
    public void close() throws SQLException {
        if (copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }
}
