package cn.campaign.pipeline.operation;

import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Where the pipeline writes its outputs, all under one var folder (property pipeline.var-dir). */
@Component
public class PipelinePaths {

    private final Path varDir;

    public PipelinePaths(PipelineSettings settings) {
        this.varDir = settings.varDir();
    }

    public Path varDir() {
        return varDir;
    }

    /** {@code var/feedback/<run>/}: one feedback file per precinct with something to fix. */
    public Path feedbackDir(long runId) {
        return varDir.resolve("feedback").resolve(Long.toString(runId));
    }

    /** {@code var/reports/}: the HTML report of the latest metric date, {@code <date>.html}. */
    public Path reportsDir() {
        return varDir.resolve("reports");
    }

    /** {@code var/exports/}: metrics exported for Excel. */
    public Path exportsDir() {
        return varDir.resolve("exports");
    }

    public Path demoDir() {
        return varDir.resolve("demo");
    }
}
