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
 *
 * <p>{@link #into} keeps one COPY open from the first row to {@link #finish()}: the
 * connection runs nothing else meanwhile. {@link #inBlocks} sends each block as a COPY of
 * its own, so that several tables can take rows in turn over one connection, and many
 * small inputs share one COPY: a COPY costs PostgreSQL about a third of a millisecond to
 * start and end, as much as a few hundred rows.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BLOCK_BYTES = 256 * 1024;

    private final PGConnection connection;
    private final String copySql;
    /** Open from the first block to the end with {@link #into}; only while a block is sent with {@link #inBlocks}. */
    private CopyIn copyIn;
    private final boolean copyPerBlock;
    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK_BYTES + 4096);
    private boolean firstField = true;
    /** Rows not yet confirmed by the end of a COPY. */
    private long rowsPending;
    private long rowsTaken;

    private CopyRows(Connection connection, String table, String columns, boolean copyPerBlock) throws SQLException {
        this.connection = connection.unwrap(PGConnection.class);
        this.copySql = "COPY " + table + " (" + columns + ") FROM STDIN";
        this.copyPerBlock = copyPerBlock;
    }

    /** One COPY for all the rows. {@code table} and {@code columns} are the project's own identifiers, never input. */
    public static CopyRows into(Connection connection, String table, String columns) throws SQLException {
        CopyRows copy = new CopyRows(connection, table, columns, false);
        copy.copyIn = copy.connection.getCopyAPI().copyIn(copy.copySql);
        return copy;
    }

    /** A COPY per block of rows, none open in between. {@code table} and {@code columns} as for {@link #into}. */
    public static CopyRows inBlocks(Connection connection, String table, String columns) throws SQLException {
        return new CopyRows(connection, table, columns, true);
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
        rowsPending++;
        if (block.size() >= BLOCK_BYTES) {
            flushBlock();
        }
    }

    /** Sends what is left and ends the COPY; returns the rows PostgreSQL took, all of them. */
    public long finish() throws SQLException {
        flushBlock();
        if (!copyPerBlock) {
            rowsTaken += checkedEnd(rowsPending);
            rowsPending = 0;
        }
        return rowsTaken;
    }

    private void separator() {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
    }

    private void flushBlock() throws SQLException {
        if (block.size() == 0) {
            return;
        }
        if (copyPerBlock) {
            copyIn = connection.getCopyAPI().copyIn(copySql);
        }
        copyIn.writeToCopy(block.toByteArray(), 0, block.size());
        block.reset();
        if (copyPerBlock) {
            rowsTaken += checkedEnd(rowsPending);
            rowsPending = 0;
        }
    }

    private long checkedEnd(long rowsSent) throws SQLException {
        long copied = copyIn.endCopy();
        if (copied != rowsSent) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + rowsSent);
        }
        return copied;
    }

    @Override
    public void close() throws SQLException {
        if (copyIn != null && copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }
}
