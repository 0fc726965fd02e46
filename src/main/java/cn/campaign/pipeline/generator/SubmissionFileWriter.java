package cn.campaign.pipeline.generator;

import cn.campaign.pipeline.contract.Column;
import cn.campaign.pipeline.contract.SubmissionKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one submission file as its {@link FileLayout} says: in the tool's encoding, with
 * its byte order mark and line ends, a header of the contract's column names or their
 * Chinese aliases, and every record with the values spelled as the tool spells them (coded
 * values in Chinese, dates in the file's form) and quoted where RFC 4180 needs it. Rows come
 * in the contract's column order with English values and ISO dates ({@link SubmissionRows}).
 * When given a {@code copy}, every record with the contract's number of fields is appended
 * to it once more as written, comma-separated with LF line ends.
 */
final class SubmissionFileWriter implements AutoCloseable {

    /** Per kind and column, English value → Chinese spelling, from the contract. */
    private static final Map<SubmissionKind, List<Map<String, String>>> CHINESE = new EnumMap<>(SubmissionKind.class);

    static {
        for (SubmissionKind kind : SubmissionKind.values()) {
            CHINESE.put(kind, kind.columns().stream().map(Column::chineseSpellings).toList());
        }
    }

    private final BufferedWriter out;
    private final SubmissionKind kind;
    private final FileLayout layout;
    private final StringBuilder copy;
    private int records;

    SubmissionFileWriter(Path file, SubmissionKind kind, FileLayout layout, StringBuilder copy) throws IOException {
        this.out = Files.newBufferedWriter(file, layout.flavour().charset);
        this.kind = kind;
        this.layout = layout;
        this.copy = copy;
        if (layout.flavour().byteOrderMark) {
            out.write('\uFEFF');
        }
        String[] header = kind.columns().stream()
                .map(column -> layout.flavour().chineseHeader ? column.alias() : column.name())
                .toArray(String[]::new);
        writeLine(arranged(header, layout.extraHeader()), false, false);
    }

    /** Writes one record of the row. */
    void write(String[] row) throws IOException {
        writeLine(record(row), false, copy != null);
    }

    /** Writes the row's record without its last field, as a row cut short arrives (R08). */
    void writeCut(String[] row) throws IOException {
        writeLine(record(row), true, false);
    }

    /** Data records written so far, the header not counted. */
    int records() {
        return records;
    }

    private String[] record(String[] row) {
        records++;
        boolean chineseValues = layout.flavour().chineseValues;
        String[] values = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            Column column = kind.columns().get(i);
            if (column.rule() == Column.Rule.DATE) {
                values[i] = layout.dateForm().spell(row[i]);
            } else if (chineseValues) {
                values[i] = CHINESE.get(kind).get(i).getOrDefault(row[i], row[i]);
            } else {
                values[i] = row[i];
            }
        }
        return arranged(values, layout.extraValue(records));
    }

    /** The fields in the file's column order, the extra column first (a row number) or last (the clerk). */
    private String[] arranged(String[] fields, String extraField) {
        FileLayout.ExtraColumn extra = layout.extra();
        int[] order = layout.columnOrder();
        String[] arranged = new String[order.length + (extra == FileLayout.ExtraColumn.NONE ? 0 : 1)];
        int next = 0;
        if (extra == FileLayout.ExtraColumn.ROW_NUMBER) {
            arranged[next++] = extraField;
        }
        for (int index : order) {
            arranged[next++] = fields[index];
        }
        if (extra == FileLayout.ExtraColumn.ENTERED_BY) {
            arranged[next] = extraField;
        }
        return arranged;
    }

    private void writeLine(String[] fields, boolean cutLastField, boolean copied) throws IOException {
        int count = cutLastField ? fields.length - 1 : fields.length;
        for (int i = 0; i < count; i++) {
            String field = CsvQuoting.quoted(fields[i]);
            if (i > 0) {
                out.write(',');
            }
            out.write(field);
            if (copied) {
                copy.append(i > 0 ? "," : "").append(field);
            }
        }
        out.write(layout.flavour().lineEnd);
        if (copied) {
            copy.append('\n');
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
