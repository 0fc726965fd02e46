package cn.campaign.pipeline.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.campaign.pipeline.ingest.RerunRange;
import cn.campaign.pipeline.report.ExportRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PipelineCommandTest {

    @Test
    void referenceTakesOneFolderAndPassesSpringPropertiesThrough() {
        PipelineCommand command = PipelineCommand.parse("reference", "registry", "--campaign.start-date=2026-02-01");
        assertThat(command.name()).isEqualTo("reference");
        assertThat(command.path()).isEqualTo(Path.of("registry"));
        assertThat(command.springArguments()).containsExactly("--campaign.start-date=2026-02-01");
    }

    @Test
    void nightlyAndRerunTakeTheirOptions() {
        assertThat(PipelineCommand.parse("nightly").path()).isEqualTo(Path.of("var/inbox"));
        assertThat(PipelineCommand.parse("nightly", "--inbox", "in").path()).isEqualTo(Path.of("in"));
        PipelineCommand rerun = PipelineCommand.parse("rerun", "--to", "2026-02-03", "--from", "2026-02-01");
        assertThat(rerun.rerun()).isEqualTo(new RerunRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3)));
    }

    @Test
    void exportTakesADateRangeALevelAndAnOutputFile() {
        assertThat(PipelineCommand.parse("export", "--from", "2026-02-01", "--to", "2026-02-03").export())
                .isEqualTo(new ExportRequest(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 3), "county", null));
        assertThat(PipelineCommand.parse("export", "--level", "city", "--out", "a.csv", "--to", "2026-02-03", "--from",
                "2026-02-03").export())
                .isEqualTo(new ExportRequest(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 3), "city", Path.of("a.csv")));
    }

    @Test
    void wrongUsageIsAUsageError() {
        assertThatThrownBy(() -> PipelineCommand.parse("export", "--from", "2026-02-01")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("export", "--from", "2026-02-01", "--to", "2026-02-03", "--level", "town"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("export", "--from", "2026-02-03", "--to", "2026-02-01"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("export", "--from", "2026-02-01", "--to", "2026-02-03", "--out"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("nightly", "--inbox")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("nightly", "inbox")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("rerun", "--from", "2026-02-01")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("rerun", "--from", "2026-02-03", "--to", "2026-02-01"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("rerun", "--from", "3.2.2026", "--to", "2026-02-01"))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(PipelineCommand::parse).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("reference")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("reference", "a", "b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("demo", "extra")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("launch-missiles")).isInstanceOf(UsageException.class);
    }
}
