package cn.campaign.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
    void wrongUsageIsAUsageError() {
        assertThatThrownBy(PipelineCommand::parse).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("reference")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("reference", "a", "b")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("demo", "extra")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> PipelineCommand.parse("launch-missiles")).isInstanceOf(UsageException.class);
    }
}
