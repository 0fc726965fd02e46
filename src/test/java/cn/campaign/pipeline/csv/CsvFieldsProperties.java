package cn.campaign.pipeline.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The field splitter of {@link CsvRecordReader} gives, for the raw text of every record the
 * reader finds, exactly the fields Commons CSV's RFC 4180 format with surrounding spaces
 * ignored gives, each stripped, and null wherever Commons CSV finds no single valid record:
 * quotes, doubled quotes, white space (ASCII and ideographic) around them, line breaks
 * inside and outside quotes, empty fields. (A record cut short by the end of the file is
 * malformed before any splitting; its raw text is not checked.)
 */
class CsvFieldsProperties {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(false)
            .get();

    @Property(tries = 5000)
    void splitsEveryRecordLikeCommonsCsv(
            @ForAll @StringLength(min = 1, max = 30) @Chars({'a', '中', ',', ',', '"', '"', ' ', '\t', '\u3000', '\n', '\\'})
            String text) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text))) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                if (!record.raw().endsWith("\n")) {
                    assertThat(CsvRecordReader.parseFields(record.raw())).as("[%s] in [%s]", record.raw(), text)
                            .isEqualTo(commonsCsv(record.raw()));
                }
            }
        }
    }

    private static List<String> commonsCsv(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            for (String value : records.get(0)) {
                fields.add(value.strip());
            }
            return fields;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }
}
