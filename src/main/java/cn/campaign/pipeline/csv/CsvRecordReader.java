package cn.campaign.pipeline.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV records one at a time, keeping for each the physical line where it starts and
 * its raw text, which the rejects table and the feedback files need. Record boundaries
 * follow RFC 4180 (a quoted field may hold a line break); quoted fields are parsed by
 * Commons CSV. Blank lines are not records. Only one record is held in memory.
 */
public final class CsvRecordReader implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

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
            if (line.indexOf('"') < 0) {
                // no quote, so no quoted line break: the record is this line (most records are)
                return new CsvRecord(startLine, line, parseFields(line));
            }
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
     * The fields of one record, each stripped, or null when the text is not one valid RFC 4180
     * record. A record without a quote is plain comma-separated text and is split directly (a
     * parser built per record cost more than the rest of the row's checks); a record with
     * quotes is parsed by Commons CSV. {@code CsvFieldsProperties} checks both paths agree
     * with Commons CSV.
     */
    static List<String> parseFields(String text) {
        if (text.indexOf('"') < 0) {
            if (text.indexOf('\n') >= 0) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            int start = 0;
            for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', start)) {
                fields.add(text.substring(start, comma).strip());
                start = comma + 1;
            }
            fields.add(text.substring(start).strip());
            return fields;
        }
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            List<String> fields = new ArrayList<>(records.get(0).size());
            for (String value : records.get(0)) {
                fields.add(value.strip());
            }
            return fields;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
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
                } else if (!Character.isWhitespace(c)) { // as Commons CSV skips surrounding white space, U+3000 included
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
