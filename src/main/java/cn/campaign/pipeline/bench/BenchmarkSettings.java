package cn.campaign.pipeline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The options of {@code jobs/bench}, as parsed from its command line. */
record BenchmarkSettings(boolean small, int precincts, int historyDays, String heap, Path workDir, LocalDate campaignStart,
                         Duration childTimeout) {

    static final String USAGE = """
            usage: jobs/bench [--small] [--precincts N] [--history-days N] [--heap SIZE] [--work-dir DIR]
                              [--campaign-start YYYY-MM-DD] [--timeout MINUTES]
              --small            a few precincts, three nights: checks that the benchmark works (CI)
              --precincts N      precincts of the registry (default 4000: 2,000,000 rows in 16,000 files a day)
              --history-days N   full-volume days ingested before the last measured night, one night
                                 each (default 7: 8 nights in all); at least 2
              --heap SIZE        -Xmx of every measured run (default 512m, the target)
              --work-dir DIR     where data, the warehouses, logs and results.md go (default var/bench; its
                                 registry, days, floor, warehouse and control folders are emptied first)
              --campaign-start D the first night's day (default 2026-01-15); the last is D + --history-days
              --timeout MINUTES  a pipeline run (child JVM) still running after this is killed and the
                                 benchmark fails (default 120; 5 with --small)""";

    /** The heap of target 4. */
    static final String HEAP_TARGET = "512m";

    static BenchmarkSettings parse(String... args) {
        boolean small = List.of(args).contains("--small");
        int precincts = small ? 6 : 4000;
        int historyDays = small ? 2 : 7;
        String heap = HEAP_TARGET;
        Path workDir = Path.of("var/bench");
        LocalDate campaignStart = LocalDate.of(2026, 1, 15);
        long timeoutMinutes = small ? 5 : 120;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--small")) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument: " + option);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--precincts" -> precincts = Integer.parseInt(value);
                    case "--history-days" -> historyDays = Integer.parseInt(value);
                    case "--heap" -> heap = value;
                    case "--work-dir" -> workDir = Path.of(value);
                    case "--campaign-start" -> campaignStart = LocalDate.parse(value);
                    case "--timeout" -> timeoutMinutes = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unexpected argument: " + option);
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException(option + ": not a valid value: " + value);
            }
        }
        if (precincts < 1 || historyDays < 2 || !heap.matches("[0-9]+[kKmMgG]") || timeoutMinutes < 1) {
            throw new IllegalArgumentException("--precincts must be at least 1, --history-days at least 2 (the line "
                    + "through the nights with history needs two of them), --heap like 512m, --timeout at least 1");
        }
        return new BenchmarkSettings(small, precincts, historyDays, heap, workDir, campaignStart,
                Duration.ofMinutes(timeoutMinutes));
    }

    /** The day of the last night, which the floors copy and the rerun reads again. */
    LocalDate measuredDay() {
        return campaignStart.plusDays(historyDays);
    }

    /** Every day, one night each: the campaign start to the measured day. */
    List<LocalDate> days() {
        return campaignStart.datesUntil(measuredDay().plusDays(1)).toList();
    }
}
