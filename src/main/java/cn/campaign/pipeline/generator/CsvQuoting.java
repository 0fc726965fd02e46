package cn.campaign.pipeline.generator;

/** RFC 4180 quoting, only for the fields that need it, as spreadsheets and scripts write CSV. */
final class CsvQuoting {

    private CsvQuoting() {
    }

    static String quoted(String field) {
        boolean needsQuotes = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
