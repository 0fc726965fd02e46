package cn.campaign.pipeline.command;

import cn.campaign.pipeline.ingest.RerunRange;
import cn.campaign.pipeline.remote.Broker;
import cn.campaign.pipeline.report.ExportRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operating interface of contract section 7, parsed before Spring starts so that wrong
 * usage answers at once with exit code 2. Arguments of the form {@code --name=value} are
 * Spring properties (e.g. {@code --campaign.start-date=2026-01-15}) and pass through.
 */
public record PipelineCommand(String name, Path path, RerunRange rerun, ExportRequest export, String broker, int port,
                              List<String> springArguments) {

    private static final String DEFAULT_INBOX = "var/inbox";

    public static final String USAGE = """
            usage:
              jobs/reference DIR                          load the registry from a folder
              jobs/nightly [--inbox DIR]                  ingest every file not yet ingested (default inbox var/inbox)
              jobs/rerun --from D --to D [--inbox DIR]    read that range's files again and recompute those dates (D: 2026-02-03)
              jobs/schedule [--inbox DIR]                 run the nightly on pipeline.schedule.cron (default 01:30), until stopped
              jobs/export --from D --to D [--level L] [--out FILE]
                                                          metrics of level L (precinct, county, city, region; default
                                                          county) as CSV for Excel (default var/exports/metrics_L_D_D.csv)
              jobs/demo                                   generate sample data and run the pipeline end to end
              jobs/warehouse                              keep the embedded PostgreSQL running to query it (Ctrl-C stops it)
              jobs/broker [--port=61616]                  run a broker for workers in this process, until stopped
              jobs/worker --broker=tcp://HOST:PORT        read the partitions of any night sent to that broker, until stopped
                                                          (needs SPRING_DATASOURCE_URL, the shared warehouse)
              jobs/nightly and jobs/rerun take --broker=tcp://HOST:PORT to send their files to the workers""";

    public static PipelineCommand parse(String... args) {
        List<String> positional = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        String broker = null;
        String port = null;
        for (String arg : args) {
            if (arg.startsWith("--broker=")) {
                broker = arg.substring("--broker=".length());
            } else if (arg.startsWith("--port=")) {
                port = arg.substring("--port=".length());
            } else if (arg.startsWith("--") && arg.contains("=")) {
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
        if (broker != null && !List.of("nightly", "rerun", "worker").contains(name)) {
            throw new UsageException("--broker is for nightly, rerun and worker, not " + name);
        }
        if (broker != null && !broker.matches("tcp://[^\\s:/]+:[0-9]+")) {
            throw new UsageException("--broker takes tcp://HOST:PORT, not " + broker);
        }
        if (port != null && !name.equals("broker")) {
            throw new UsageException("--port is for broker, not " + name);
        }
        if (broker != null) {
            // the night manages, the worker works, both through the broker
            spring.add("--pipeline.remote.broker=" + broker);
            spring.add("--pipeline.remote.role=" + (name.equals("worker") ? "worker" : "manager"));
        }
        return switch (name) {
            case "reference" -> {
                if (rest.size() != 1 || rest.get(0).startsWith("-")) {
                    throw new UsageException("reference takes exactly one folder");
                }
                yield new PipelineCommand(name, Path.of(rest.get(0)), null, null, broker, 0, spring);
            }
            case "nightly", "schedule" -> {
                Map<String, String> options = options(rest, Set.of("--inbox"));
                yield new PipelineCommand(name, Path.of(options.getOrDefault("--inbox", DEFAULT_INBOX)), null, null, broker, 0, spring);
            }
            case "rerun" -> {
                Map<String, String> options = options(rest, Set.of("--from", "--to", "--inbox"));
                Dates dates = dates(name, options);
                yield new PipelineCommand(name, Path.of(options.getOrDefault("--inbox", DEFAULT_INBOX)),
                        new RerunRange(dates.from(), dates.to()), null, broker, 0, spring);
            }
            case "export" -> {
                Map<String, String> options = options(rest, Set.of("--from", "--to", "--level", "--out"));
                Dates dates = dates(name, options);
                String level = options.getOrDefault("--level", ExportRequest.DEFAULT_LEVEL);
                if (!ExportRequest.LEVELS.contains(level)) {
                    throw new UsageException("--level must be one of " + String.join(", ", ExportRequest.LEVELS) + ": " + level);
                }
                Path out = options.containsKey("--out") ? Path.of(options.get("--out")) : null;
                yield new PipelineCommand(name, null, null, new ExportRequest(dates.from(), dates.to(), level, out), broker, 0, spring);
            }
            case "broker" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException("broker takes only --port=N");
                }
                int number = port == null ? Broker.DEFAULT_PORT : port(port);
                yield new PipelineCommand(name, null, null, null, null, number, spring);
            }
            case "worker" -> {
                if (!rest.isEmpty() || broker == null) {
                    throw new UsageException("worker takes --broker=tcp://HOST:PORT and nothing else");
                }
                yield new PipelineCommand(name, null, null, null, broker, 0, spring);
            }
            case "demo", "warehouse" -> {
                if (!rest.isEmpty()) {
                    throw new UsageException(name + " takes no arguments");
                }
                yield new PipelineCommand(name, null, null, null, broker, 0, spring);
            }
            default -> throw new UsageException("unknown command: " + name);
        };
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port takes a port number, not " + text);
        }
    }

    /** {@code --name value} pairs, each at most once, only the allowed names. */
    private static Map<String, String> options(List<String> args, Set<String> allowed) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!allowed.contains(option) || i + 1 >= args.size() || options.containsKey(option)) {
                throw new UsageException("unexpected argument: " + option);
            }
            options.put(option, args.get(i + 1));
        }
        return options;
    }

    /** {@code --from D --to D}, both required, in order. */
    private static Dates dates(String command, Map<String, String> options) {
        if (!options.containsKey("--from") || !options.containsKey("--to")) {
            throw new UsageException(command + " needs --from D and --to D");
        }
        LocalDate from = date(options.get("--from"));
        LocalDate to = date(options.get("--to"));
        if (from.isAfter(to)) {
            throw new UsageException("--from " + from + " is after --to " + to);
        }
        return new Dates(from, to);
    }

    private record Dates(LocalDate from, LocalDate to) {
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("not a date (YYYY-MM-DD): " + text);
        }
    }
}
