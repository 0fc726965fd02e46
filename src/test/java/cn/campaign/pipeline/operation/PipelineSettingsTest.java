package cn.campaign.pipeline.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's table of options is the settings record: every {@code pipeline.*} property, and no other. */
class PipelineSettingsTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(pipeline\\.[a-z.-]+)`", Pattern.MULTILINE);

    @Test
    void theReadmeTableListsEveryPipelineSettingAndNoOther() throws IOException {
        // given the properties the settings record binds
        List<String> bound = properties("pipeline", PipelineSettings.class);

        // when the README's table of options is read
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> documented = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(readme);
        while (row.find()) {
            documented.add(row.group(1));
        }

        // then they are the same
        assertThat(documented).containsExactlyInAnyOrderElementsOf(bound);
    }

    /** The relaxed names Spring binds a record's components to, nested records flattened. */
    private static List<String> properties(String prefix, Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            if (component.getType().isRecord()) {
                names.addAll(properties(name, component.getType()));
            } else {
                names.add(name);
            }
        }
        return names;
    }
}
