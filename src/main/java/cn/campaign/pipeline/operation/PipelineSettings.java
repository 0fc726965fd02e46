package cn.campaign.pipeline.operation;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code pipeline.*} setting, given as {@code --name=value} or an environment variable
 * (defaults in application.properties; README's table of options lists them all, which
 * {@code PipelineSettingsTest} checks).
 *
 * @param varDir     where logs, feedback files, reports, exports and demo data go
 * @param embedded   the embedded PostgreSQL used without {@code SPRING_DATASOURCE_URL}
 * @param threads    threads reading files; 0 for the CPU cores
 * @param ingest     how the night's files are spread and committed
 * @param merge      how the merge's parts are spread over sessions
 * @param schedule   the built-in scheduler of {@code jobs/schedule}
 * @param remote     a night's reading spread over several machines (docs/scaling.md)
 * @param faultInjection for the fault-injection suite only: a point to pause at
 */
@ConfigurationProperties("pipeline")
public record PipelineSettings(Path varDir, Embedded embedded, int threads, Ingest ingest, Merge merge, Schedule schedule,
                               Remote remote, @DefaultValue FaultInjection faultInjection) {

    /** @param dataDir data folder of the embedded PostgreSQL */
    public record Embedded(Path dataDir) {
    }

    /**
     * @param partitions          partitions of a night's files (by precinct); 0 for 4 per thread
     * @param filesPerTransaction files a partition reads per transaction: fewer commits; a restart re-reads at most these
     * @param listingMargin       how far before the last change it saw a night's listing of the inbox makes the next
     *                            night compare files again: files landing while it listed, a network file system's
     *                            caches
     */
    public record Ingest(int partitions, int filesPerTransaction, Duration listingMargin) {
    }

    /** @param sessions database sessions the merge's parts (by kind) run in side by side; 0 for the CPU cores */
    public record Merge(int sessions) {
    }

    /** @param cron when the built-in scheduler runs the nightly (second minute hour day month weekday) */
    public record Schedule(String cron) {
    }

    /**
     * @param broker         the broker of the workers, {@code tcp://HOST:PORT} ({@code --broker=}); empty: one process
     * @param role           what the command makes this process: {@code manager} (a night) or {@code worker}
     * @param timeout        how long a partition may go without progress before the manager gives up on it
     * @param pollInterval   how often the manager looks at the partitions
     * @param maxDuration    the longest the read step may take at all, and how long a request waits on the broker
     * @param connectTimeout how long to try to reach the broker
     */
    public record Remote(String broker, String role, Duration timeout, Duration pollInterval, Duration maxDuration,
                         Duration connectTimeout) {

        public static final String MANAGER = "manager";
        public static final String WORKER = "worker";
    }

    /**
     * @param pauseAt    the step to stop before (or, for a partition, after its first chunk)
     * @param resumeFile the file whose appearance lets the paused run go on
     */
    public record FaultInjection(String pauseAt, Path resumeFile) {
    }

    /** The threads that read files: the setting, or the CPU cores. */
    public int readerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The sessions the merge runs its parts in: the setting, or the CPU cores. */
    public int mergeSessions() {
        return merge.sessions() > 0 ? merge.sessions() : Runtime.getRuntime().availableProcessors();
    }

    /** The partitions of a night's files: the setting, or four per reading thread. */
    public int partitions() {
        return ingest.partitions() > 0 ? ingest.partitions() : readerThreads() * 4;
    }
}
