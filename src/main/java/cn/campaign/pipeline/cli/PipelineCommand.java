package cn.campaign.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The operating interface of contract section 7, parsed before Spring starts so that wrong
 * usage answers at once with exit code 2. Arguments of the form {@code --name=value} are
 * Spring properties (e.g. {@code --campaign.start-date=2026-01-15}) and pass through.
 */
public record PipelineCommand(String name, Path path, List<String> springArguments) {

    public static final String USAGE = """
            usage:
              jobs/reference DIR                          load the registry from a folder
              jobs/nightly [--inbox DIR]                  ingest every file not yet ingested (default inbox var/inbox)
              jobs/demo                                   generate sample data and run the pipeline end to end""";

    public static PipelineCommand parse(String... args) {
        List<String> positional = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                spring.add(arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            throw new UsageException("no command given");
        }
        String name = positional.get(0);
        List<String> rest = positional.subList(1, positional.size());
        return switch (name) {
            case "reference" -> {
                if (rest.size() != 1 || rest.get(0).startsWith("-")) {
                    throw new UsageException("reference takes exactly one folder");
                }
                yield new PipelineCommand(name, Path.of(rest.get(0)), spring);
            }
            case "nightly" -> {
                Path inbox = Path.of("var/inbox");
                if (rest.size() == 2 && rest.get(0).equals("--inbox")) {
                    inbox = Path.of(rest.get(1));
                } else if (!rest.isEmpty()) {
                    throw new UsageException("nightly takes only --inbox DIR");
                }
                yield new PipelineCommand(name, inbox, spring);
            }
            case "demo" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException("demo takes no arguments");
                }
                yield new PipelineCommand(name, null, spring);
            }
            default -> throw new UsageException("unknown command: " + name);
        };
    }
}
