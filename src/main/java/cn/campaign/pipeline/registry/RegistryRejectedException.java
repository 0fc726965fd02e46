package cn.campaign.pipeline.registry;

import cn.campaign.pipeline.operation.PipelineFailure;
import java.util.List;

/** The registry load broke rules: every offending {@code file:line: rule}, not only the first. */
public class RegistryRejectedException extends PipelineFailure {

    private final List<String> violations;

    public RegistryRejectedException(List<String> violations) {
        super("registry rejected: " + violations.size() + " line(s) break the rules of contract section 1; "
                + "the previous registry stays in force\n" + String.join("\n", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
