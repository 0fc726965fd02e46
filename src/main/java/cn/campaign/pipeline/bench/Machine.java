package cn.campaign.pipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The machine a benchmark ran on, in one line: results mean nothing without it. */
final class Machine {

    /** The unit of /proc/stat's times. */
    private static final double USER_HZ = 100;

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

    /**
     * The machine's CPU time since boot, from the first line of /proc/stat (in USER_HZ, 100 a
     * second on Linux): what all its cores ran (user, nice, system, irq, softirq), and what the
     * hypervisor of a virtual machine ran elsewhere while they waited (steal). Steal is in a
     * night's wall time, not in its busy seconds.
     */
    static Optional<Cpu> cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.filter(line -> line.startsWith("cpu ")).findFirst().map(line -> {
                String[] ticks = line.substring(4).strip().split("\\s+");
                long busy = 0;
                for (int field : new int[] {0, 1, 2, 5, 6}) {
                    busy += Long.parseLong(ticks[field]);
                }
                return new Cpu(busy / USER_HZ, ticks.length > 7 ? Long.parseLong(ticks[7]) / USER_HZ : 0);
            });
        } catch (IOException | SecurityException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** CPU seconds of all cores: run, and stolen by the hypervisor. */
    record Cpu(double busySeconds, double stolenSeconds) {

        /** The CPU time from {@code start} to this. */
        Cpu since(Cpu start) {
            return new Cpu(busySeconds - start.busySeconds, stolenSeconds - start.stolenSeconds);
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
