package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.SubmissionFileName;
import java.time.LocalDate;

/** The submission dates {@code jobs/rerun} reads again, both ends included. */
public record RerunRange(LocalDate from, LocalDate to) {

    /** Whether the file's name carries a submission date in the range. */
    boolean includes(String fileName) {
        return SubmissionFileName.parse(fileName)
                .map(name -> !name.submissionDate().isBefore(from) && !name.submissionDate().isAfter(to))
                .orElse(false);
    }
}
