package cn.campaign.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import cn.campaign.pipeline.WarehouseTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY writer: every row and every character reaches its table, however the rows are split into COPYs. */
class CopyRowsTest extends WarehouseTest {

    private static final int ROWS = 3_000;
    /** 3,000 rows of this make several blocks of 256 KiB, so a table takes them in several COPYs. */
    private static final String LONG_NOTE = "x".repeat(300);

    @Test
    void twoTablesTakingRowsInTurnOverOneConnectionEachGetAllTheirRowsWithTheirCharacters() throws SQLException {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            inTransactionWith(connection, "visits (line_no bigint, note text)", "rejects (line_no bigint, raw text)");
            // given rows for two tables, in turn, with the characters COPY's text format escapes
            try (CopyRows visits = CopyRows.inBlocks(connection, "visits", "line_no, note");
                 CopyRows rejects = CopyRows.inBlocks(connection, "rejects", "line_no, raw")) {
                for (int line = 1; line <= ROWS; line++) {
                    visits.add(line).add(line == 1 ? "tab\there, back\\slash\r\nline" : LONG_NOTE);
                    visits.endRow();
                    if (line % 100 == 0) {
                        rejects.add(line).add(line == 100 ? null : "bad,row," + line);
                        rejects.endRow();
                    }
                }
                // when both are finished
                assertThat(visits.finish()).isEqualTo(ROWS);
                assertThat(rejects.finish()).isEqualTo(ROWS / 100);
            }

            // then each table holds its rows, exactly as given
            assertThat(column(connection, "select note from visits order by line_no"))
                    .hasSize(ROWS)
                    .startsWith("tab\there, back\\slash\r\nline", LONG_NOTE)
                    .endsWith(LONG_NOTE);
            assertThat(column(connection, "select raw from rejects order by line_no"))
                    .hasSize(ROWS / 100)
                    .startsWith(null, "bad,row,200")
                    .endsWith("bad,row," + ROWS);
            connection.rollback();
        }
    }

    @Test
    void oneCopyForAllTheRowsTakesThemAll() throws SQLException {
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            inTransactionWith(connection, "visits (line_no bigint, note text)");
            try (CopyRows visits = CopyRows.into(connection, "visits", "line_no, note")) {
                for (int line = 1; line <= ROWS; line++) {
                    visits.add(line).add(LONG_NOTE);
                    visits.endRow();
                }
                assertThat(visits.finish()).isEqualTo(ROWS);
            }

            assertThat(column(connection, "select note from visits")).hasSize(ROWS).containsOnly(LONG_NOTE);
            connection.rollback();
        }
    }

    /** Opens a transaction holding these temporary tables, gone with it (the pool keeps the session). */
    private static void inTransactionWith(Connection connection, String... tables) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("create temp table " + table + " on commit drop");
            }
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
