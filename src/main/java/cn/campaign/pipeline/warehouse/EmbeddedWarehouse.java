package cn.campaign.pipeline.warehouse;

import cn.campaign.pipeline.operation.PipelineFailure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL used when no SPRING_DATASOURCE_URL is given: its data lives in a
 * folder under var/ and survives between runs. One process at a time owns it, through an
 * OS file lock beside the folder, so a second process gets a clear message instead of a
 * half-started server.
 */
public final class EmbeddedWarehouse implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarehouse.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedWarehouse(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    public static EmbeddedWarehouse start(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute.getParent());
            Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                channel.close();
                throw new PipelineFailure("the embedded PostgreSQL in " + dataDir + " is in use by another pipeline process ("
                        + (holder.isEmpty() ? "unknown" : holder) + "); wait for it to finish");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
                    + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            stopOrphanedServer(absolute);
            if (Files.isDirectory(absolute)) {
                // PostgreSQL refuses a data folder others can read, as a restored copy often is
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute.toFile())
                    .setCleanDataDirectory(false)
                    // zonky turns these off for speed; the warehouse must survive a power loss
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    // a national night writes some 2GB of WAL and touches more than the default 128MB of
                    // buffers: no checkpoint in the middle of its merge, no backend writing dirty pages itself
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", "512MB")
                    .start();
            log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), absolute);
            return new EmbeddedWarehouse(channel, lock, postgres);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new PipelineFailure("could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Null when another process, or another warehouse in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * A pipeline process killed with -9 leaves its postmaster running. We hold the lock, so
     * no live pipeline process owns that server: shut it down (SIGTERM, a smart shutdown)
     * before starting our own.
     */
    private static void stopOrphanedServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim).filter(s -> s.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isPresent()) {
            log.warn("stopping an orphaned embedded PostgreSQL (pid {}) left by a killed run", server.get().pid());
            server.get().destroy();
            try {
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new PipelineFailure("an orphaned embedded PostgreSQL (pid " + server.get().pid()
                        + ") in " + dataDir + " did not stop; stop it and run again");
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel; nothing else to release
            }
        }
    }
}
