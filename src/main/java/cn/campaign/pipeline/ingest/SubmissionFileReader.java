package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.csv.CsvRecord;
import cn.campaign.pipeline.csv.CsvRecordReader;
import cn.campaign.pipeline.csv.FileInspection;
import cn.campaign.pipeline.load.StagingWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Reads one submission file: decode (F03), emptiness (F06), header (F04), then every record
 * validated and streamed into staging. File-level checks all come before the first row is
 * staged, and a file that fails mid-way has its COPY cancelled, so a quarantined file
 * leaves no row behind. Database errors are not the file's fault: they propagate.
 */
final class SubmissionFileReader {

    private final LocalDate campaignStart;

    SubmissionFileReader(LocalDate campaignStart) {
        this.campaignStart = campaignStart;
    }

    FileReadResult read(Path path, PendingFile file, Connection connection) throws SQLException {
        FileInspection inspection;
        try {
            inspection = FileInspection.of(path);
        } catch (IOException e) {
            return FileReadResult.quarantined(RejectCode.F03, "could not be read: " + e.getMessage(), null);
        }
        if (!inspection.sha256().equals(file.sha256())) {
            return FileReadResult.quarantined(RejectCode.F03, "the file changed after it was found in the inbox", null);
        }
        Charset charset = inspection.charset();
        if (charset == null) {
            return FileReadResult.quarantined(RejectCode.F03, "not decodable as UTF-8 or GB18030", null);
        }
        String encoding = charset.name();
        if (inspection.blank()) {
            return FileReadResult.quarantined(RejectCode.F06, "no bytes, or nothing but a BOM or white space", encoding);
        }
        if (inspection.binary()) {
            return FileReadResult.quarantined(RejectCode.F03, "not a CSV file: it holds control characters", encoding);
        }
        try (Reader text = inspection.open(path); CsvRecordReader records = new CsvRecordReader(text)) {
            CsvRecord header = records.next();
            if (header.malformed()) {
                return FileReadResult.quarantined(RejectCode.F03, "line 1 is not a CSV header", encoding);
            }
            HeaderMap columns = HeaderMap.of(file.kind(), header.fields());
            if (!columns.missing().isEmpty()) {
                return FileReadResult.quarantined(RejectCode.F04,
                        "header lacks " + String.join(", ", columns.missing()), encoding);
            }
            RowValidator validator = new RowValidator(file.kind(), columns, campaignStart, file.submissionDate());
            try (StagingWriter staging = StagingWriter.open(connection, file.kind(), file.fileId())) {
                CsvRecord record;
                while ((record = records.next()) != null) {
                    staging.write(validator.validate(record));
                }
                return FileReadResult.staged(encoding, staging.finish());
            }
        } catch (IOException | UncheckedIOException e) {
            return FileReadResult.quarantined(RejectCode.F03, "could not be read: " + e.getMessage(), encoding);
        }
    }
}
