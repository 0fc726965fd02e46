package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;
import cn.campaign.pipeline.csv.CsvRecord;
import cn.campaign.pipeline.csv.CsvRecordReader;
import cn.campaign.pipeline.csv.FileInspection;
import cn.campaign.pipeline.registry.RegistrySnapshot;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads one submission file: first its own checks in the contract's order (F03 decoding,
 * F06 emptiness, F04 header), before any row is written; then every record, validated
 * completely (R01-R09) and written once ({@link RowsWriter}). A key repeated within the file
 * is counted as a duplicate on its later lines; every loaded line is written, and the merge
 * lets the later line win (contract sections 3 and 4). Database errors are not the file's
 * fault: they propagate.
 */
final class SubmissionFileReader {

    private final LocalDate campaignStart;

    SubmissionFileReader(LocalDate campaignStart) {
        this.campaignStart = campaignStart;
    }

    /** The file's own checks; a file that passes them has a header and an encoding. */
    FileCheck check(Path path, PendingFile file) {
        FileInspection inspection;
        try {
            inspection = FileInspection.of(path);
        } catch (IOException e) {
            return FileCheck.failed(RejectCode.F03, "could not be read: " + e.getMessage(), null);
        }
        if (!inspection.sha256().equals(file.sha256())) {
            return FileCheck.failed(RejectCode.F03, "the file changed after it was found in the inbox", null);
        }
        if (inspection.charset() == null) {
            return FileCheck.failed(RejectCode.F03, "not decodable as UTF-8 or GB18030", null);
        }
        String encoding = inspection.charset().name();
        if (inspection.blank()) {
            return FileCheck.failed(RejectCode.F06, "no bytes, or nothing but a BOM or white space", encoding);
        }
        if (inspection.binary()) {
            return FileCheck.failed(RejectCode.F03, "not a CSV file: it holds control characters", encoding);
        }
        try (Reader text = inspection.open(path); CsvRecordReader records = new CsvRecordReader(text)) {
            CsvRecord header = records.next();
            if (header.malformed()) {
                return FileCheck.failed(RejectCode.F03, "line 1 is not a CSV header", encoding);
            }
            HeaderMap columns = HeaderMap.of(file.kind(), header.fields());
            if (!columns.missing().isEmpty()) {
                return FileCheck.failed(RejectCode.F04, "header lacks " + String.join(", ", columns.missing()), encoding);
            }
            return FileCheck.passed(inspection, columns);
        } catch (IOException | UncheckedIOException e) {
            return FileCheck.failed(RejectCode.F03, "could not be read: " + e.getMessage(), encoding);
        }
    }

    /**
     * Every record of a file that passed its checks, validated and counted; its loaded rows
     * go to {@code writer} when it is the version in use ({@code rowsInUse}), its rejected rows always.
     */
    FileOutcome readRows(Path path, PendingFile file, FileCheck check, boolean rowsInUse, RegistrySnapshot registry,
                         RowsWriter writer) throws SQLException, IOException {
        RowValidator validator = new RowValidator(file.kind(), check.header(), campaignStart, file.submissionDate(),
                registry);
        Set<String> keys = new HashSet<>();
        long read = 0;
        long loaded = 0;
        long duplicate = 0;
        long rejected = 0;
        try (Reader text = check.inspection().open(path); CsvRecordReader records = new CsvRecordReader(text)) {
            records.next(); // the header, checked already
            CsvRecord record;
            while ((record = records.next()) != null) {
                read++;
                ValidatedRow row = validator.validate(record);
                if (!row.codes().isEmpty()) {
                    rejected++;
                    writer.rejected(file, row);
                    continue;
                }
                if (keys.add(file.kind().repeatKey(row.values()))) {
                    loaded++;
                } else {
                    duplicate++;
                }
                if (rowsInUse) {
                    writer.loaded(file, row);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return FileOutcome.read(file.fileId(), check.inspection().charset().name(), read, loaded, duplicate, rejected);
    }

    /** The outcome of a file's own checks: passed, with what reading it needs, or failed with a code. */
    record FileCheck(RejectCode code, String detail, String encoding, FileInspection inspection, HeaderMap header) {

        static FileCheck failed(RejectCode code, String detail, String encoding) {
            return new FileCheck(code, detail, encoding, null, null);
        }

        static FileCheck passed(FileInspection inspection, HeaderMap header) {
            return new FileCheck(null, null, inspection.charset().name(), inspection, header);
        }

        boolean passed() {
            return code == null;
        }
    }
}
