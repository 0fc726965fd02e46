package cn.campaign.pipeline.cli;

import cn.campaign.pipeline.demo.DemoRunner;
import cn.campaign.pipeline.registry.RegistryCommands;
import java.io.PrintStream;
import org.springframework.stereotype.Component;

/** Dispatches a parsed command to its stage; returns the process exit code. */
@Component
public class CommandRunner {

    private final RegistryCommands registry;
    private final DemoRunner demo;

    public CommandRunner(RegistryCommands registry, DemoRunner demo) {
        this.registry = registry;
        this.demo = demo;
    }

    public int run(PipelineCommand command, PrintStream out) {
        switch (command.name()) {
            case "reference" -> registry.load(command.registryDir(), out);
            case "demo" -> demo.run(out);
            default -> throw new UsageException("unknown command: " + command.name());
        }
        return 0;
    }
}
