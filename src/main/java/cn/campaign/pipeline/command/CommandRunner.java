package cn.campaign.pipeline.command;

import cn.campaign.pipeline.nightly.NightlyCommand;
import cn.campaign.pipeline.registry.RegistryCommand;
import cn.campaign.pipeline.report.MetricsExport;
import cn.campaign.pipeline.warehouse.PipelineLock;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Dispatches a parsed command to its stage; returns the process exit code. */
@Component
public class CommandRunner {

    private final DataSource dataSource;
    private final NightlySchedule schedule;
    private final PipelineLock lock;
    private final RegistryCommand registry;
    private final NightlyCommand ingest;
    private final DemoCommand demo;
    private final MetricsExport export;

    public CommandRunner(PipelineLock lock, RegistryCommand registry, NightlyCommand ingest, DemoCommand demo,
                         NightlySchedule schedule, MetricsExport export, DataSource dataSource) {
        this.schedule = schedule;
        this.dataSource = dataSource;
        this.lock = lock;
        this.registry = registry;
        this.ingest = ingest;
        this.demo = demo;
        this.export = export;
    }

    /** Runs the command holding the pipeline lock: one run at a time. */
    public int run(PipelineCommand command, PrintStream out) {
        if (command.name().equals("schedule")) {
            // takes the lock for each night, not for the days between
            schedule.run(command.path(), out);
            return 0;
        }
        if (command.name().equals("worker")) {
            // a worker never starts a run nor takes the pipeline lock: it reads partitions of the nights a manager runs
            out.println("worker taking the read partitions of any night sent to " + command.broker()
                    + " (Ctrl-C stops it; a partition it leaves unfinished fails its night, and the next run sends it again)");
            waitUntilStopped();
            return 0;
        }
        try (PipelineLock.Held held = lock.acquire(command.name())) {
            switch (command.name()) {
                case "reference" -> registry.load(command.path(), out);
                case "nightly" -> ingest.nightly(command.path(), out);
                case "rerun" -> ingest.rerun(command.rerun(), command.path(), out);
                case "export" -> export.write(command.export(), out);
                case "demo" -> demo.run(out);
                case "warehouse" -> serve(out);
                default -> throw new UsageException("unknown command: " + command.name());
            }
        }
        return 0;
    }

    /** Keeps the warehouse up, holding the lock so no job changes it meanwhile, until Ctrl-C. */
    private void serve(PrintStream out) {
        String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : "the configured database";
        out.println("warehouse at " + url);
        out.println("query it with: psql \"" + url.replaceFirst("^jdbc:", "").replaceFirst("\\?.*$", "")
                + "\" -U postgres   (password postgres); Ctrl-C stops it");
        waitUntilStopped();
    }

    private static void waitUntilStopped() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
