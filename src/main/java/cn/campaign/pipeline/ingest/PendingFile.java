package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.SubmissionKind;
import java.time.LocalDate;

/**
 * A file discovery cleared for reading (its name parsed, its precinct active, its bytes new),
 * with what the versions of its (precinct, date, kind) read before it say
 * ({@code sql/ingest/pending_files.sql}): the highest version read on an earlier night, the
 * file of the same version read already, and the highest version this run has read already.
 */
public record PendingFile(long fileId, String fileName, String sha256, String precinctCode, LocalDate submissionDate,
                          SubmissionKind kind, int version, Integer earlierNightVersion, String earlierNightFile,
                          String sameVersionFile, Integer thisRunVersion) {

    /** The files of one (precinct, date, kind): versions of one another. */
    String group() {
        return precinctCode + "_" + submissionDate + "_" + kind.fileKind();
    }
}
