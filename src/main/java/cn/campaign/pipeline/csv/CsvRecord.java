package cn.campaign.pipeline.csv;

import java.util.List;

/**
 * One CSV record as received: the physical line it starts on (the header is line 1), the
 * raw text (a quoted line break kept as {@code \n}), and its trimmed fields, or
 * {@code null} fields when the text is not valid RFC 4180.
 */
public record CsvRecord(int lineNo, String raw, List<String> fields) {

    public boolean malformed() {
        return fields == null;
    }

    public int size() {
        return fields == null ? 0 : fields.size();
    }
}
