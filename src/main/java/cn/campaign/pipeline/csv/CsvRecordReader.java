package cn.campaign.pipeline.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time, keeping for each the physical line where it starts and
 * its raw text, which the rejects table and the feedback files need. Record boundaries
 * follow RFC 4180 (a quoted field may hold a line break); the fields themselves are split
 * by the rules of Commons CSV's RFC 4180 format. Blank lines are not records. Only one
 * record is held in memory.
 */
public final class CsvRecordReader implements Closeable {

    private final BufferedReader reader;
    private int physicalLine;

    public CsvRecordReader(Reader reader) {
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 64 * 1024);
    }

    /** The next record, or {@code null} at the end of the input. */
    public CsvRecord next() {
        try {
            String line;
            do {
                line = reader.readLine();
                if (line == null) {
                    return null;
                }
                physicalLine++;
            } while (line.isBlank());
            int startLine = physicalLine;
            StringBuilder raw = new StringBuilder(line);
            QuoteState state = new QuoteState();
            state.scanLine(line);
            while (state.inQuotes) {
                String continuation = reader.readLine();
                if (continuation == null) {
                    // an opening quote never closed: the rest of the file is one malformed record
                    return new CsvRecord(startLine, raw.toString(), null);
                }
                physicalLine++;
                raw.append('\n').append(continuation);
                state.scanLine(continuation);
            }
            String text = raw.toString();
            return new CsvRecord(startLine, text, parseFields(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The fields of one record by the rules of Commons CSV's RFC 4180 format with surrounding
     * spaces ignored, each stripped, or null when the text is not one valid record. Written
     * out by hand: a parser built per record cost more than the rest of the row's checks.
     * {@code CsvFieldsProperties} checks it against Commons CSV.
     */
    static List<String> parseFields(String text) {
        List<String> fields = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (true) {
            while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < length && text.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        return null; // the closing quote never came
                    }
                    char c = text.charAt(i++);
                    if (c != '"') {
                        value.append(c);
                    } else if (i < length && text.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                // between the closing quote and the delimiter only white space; a line break would start a second record
                for (; i < length && text.charAt(i) != ','; i++) {
                    if (text.charAt(i) == '\n' || !Character.isWhitespace(text.charAt(i))) {
                        return null;
                    }
                }
                fields.add(value.toString().strip());
            } else {
                int start = i;
                for (; i < length && text.charAt(i) != ','; i++) {
                    if (text.charAt(i) == '\n') {
                        return null;
                    }
                }
                fields.add(text.substring(start, i).strip());
            }
            if (i >= length) {
                return fields;
            }
            i++;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Tracks whether a record continues past the end of a physical line. */
    private static final class QuoteState {
        private boolean inQuotes;
        private boolean fieldStart = true;
        private boolean pendingQuote;

        void scanLine(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (pendingQuote) {
                    // a quote inside a quoted field: doubled means a literal quote, else it closed the field
                    pendingQuote = false;
                    if (c == '"') {
                        continue;
                    }
                    inQuotes = false;
                }
                if (inQuotes) {
                    if (c == '"') {
                        pendingQuote = true;
                    }
                } else if (c == '"' && fieldStart) {
                    inQuotes = true;
                    fieldStart = false;
                } else if (c == ',') {
                    fieldStart = true;
                } else if (c != ' ' && c != '\t') {
                    fieldStart = false;
                }
            }
            if (pendingQuote) {
                // the quote before the line break closed the field
                pendingQuote = false;
                inQuotes = false;
            }
        }
    }
}
