package cn.campaign.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine a benchmark ran on, in one line: results mean nothing without it. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores%s, %s memory, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").map(model -> " (" + model + ")").orElse(""),
                procLine("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    /** The 1-minute load average: other work on the machine shows in every measured time. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | SecurityException e) {
            return "unknown";
        }
    }

    private static String gibibytes(String memTotal) {
        long kibibytes = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kibibytes / 1024.0 / 1024.0);
    }

    /** The value of the first {@code key: value} line of a /proc file, where there is one. */
    private static Optional<String> procLine(String file, String key) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(key)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
