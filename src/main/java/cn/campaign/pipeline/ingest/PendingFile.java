package cn.campaign.pipeline.ingest;

import java.time.LocalDate;

/** A file discovery has cleared for reading: its name parsed and its precinct active. */
record PendingFile(long fileId, String fileName, String sha256, String precinctCode, LocalDate submissionDate,
                   SubmissionKind kind) {
}
