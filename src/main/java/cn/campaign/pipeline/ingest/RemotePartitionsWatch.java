package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.operation.PipelineFailure;
import cn.campaign.pipeline.operation.PipelineSettings;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's watch over the partitions it sent to workers. Spring Batch's own timeout bounds
 * the whole read step; this watch bounds the silence instead (every chunk a worker commits
 * moves its partition's version): a partition taken but silent for {@code pipeline.remote.timeout}
 * lost its worker, and partitions nobody took while nothing moved that long have no worker.
 * Either is marked failed, so the step ends; it then fails with one line naming the partitions
 * that did not finish, and a restart (the next {@code jobs/nightly --broker=...}) sends them
 * again. A worker still alive on a partition marked failed fails its next commit, which rolls
 * back: nothing is counted twice.
 */
class RemotePartitionsWatch implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionsWatch.class);
    static final String NEVER_TAKEN = "never taken by a worker";

    private final JobRepository jobRepository;
    private final String workerStep;
    private final PipelineSettings.Remote remote;
    private ScheduledExecutorService watch;

    RemotePartitionsWatch(JobRepository jobRepository, String workerStep, PipelineSettings.Remote remote) {
        this.jobRepository = jobRepository;
        this.workerStep = workerStep;
        this.remote = remote;
    }

    private record Seen(BatchStatus status, int version, long at) {
    }

    @Override
    public void beforeStep(StepExecution managerStep) {
        long jobExecutionId = managerStep.getJobExecutionId();
        Map<Long, Seen> seen = new HashMap<>();
        long[] lastMove = {System.nanoTime()};
        watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "partition-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = remote.pollInterval().toMillis();
        watch.scheduleWithFixedDelay(() -> {
            try {
                look(jobExecutionId, seen, lastMove);
            } catch (RuntimeException e) {
                log.warn("partition watch: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void look(long jobExecutionId, Map<Long, Seen> seen, long[] lastMove) {
        long now = System.nanoTime();
        List<StepExecution> partitions = partitions(jobExecutionId);
        for (StepExecution partition : partitions) {
            Seen before = seen.get(partition.getId());
            if (before == null || before.status() != partition.getStatus() || before.version() != partition.getVersion()) {
                seen.put(partition.getId(), new Seen(partition.getStatus(), partition.getVersion(), now));
                if (before != null) {
                    lastMove[0] = now;
                }
            }
        }
        long silence = remote.timeout().toNanos();
        for (StepExecution partition : partitions) {
            if (partition.getStatus() == BatchStatus.STARTED && now - seen.get(partition.getId()).at() > silence) {
                markFailed(partition, "no progress for " + seconds(remote.timeout()) + " on " + worker(partition));
            } else if (partition.getStatus() == BatchStatus.STARTING && now - lastMove[0] > silence) {
                markFailed(partition, NEVER_TAKEN);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution managerStep) {
        if (watch != null) {
            watch.shutdownNow();
        }
        if (managerStep.getStatus() != BatchStatus.FAILED) {
            return null;
        }
        List<String> neverTaken = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        boolean anyCompleted = false;
        for (StepExecution partition : partitions(managerStep.getJobExecutionId())) {
            String name = partition.getStepName().substring(workerStep.length() + 1);
            String why = partition.getExitStatus().getExitDescription();
            if (partition.getStatus() == BatchStatus.COMPLETED) {
                anyCompleted = true;
            } else if (partition.getStatus() == BatchStatus.STARTING || NEVER_TAKEN.equals(why)) {
                neverTaken.add(name);
            } else {
                unfinished.add(name + " (" + (partition.getStatus().isRunning() ? "on " + worker(partition)
                        : firstLine(why)) + ")");
            }
            if (partition.getStatus().isRunning()) {
                // a restart can send only partitions that are not left running
                markFailed(partition, partition.getStatus() == BatchStatus.STARTING ? NEVER_TAKEN
                        : "not finished when the manager stopped waiting");
            }
        }
        String line = !anyCompleted && unfinished.isEmpty() && !neverTaken.isEmpty()
                ? "no worker took the partitions of the read step within " + seconds(remote.timeout()) + " (broker "
                        + remote.broker() + "): " + String.join(", ", neverTaken)
                : "the read step's partitions did not all finish (pipeline.remote.timeout " + seconds(remote.timeout())
                        + "): " + String.join("; ", unfinishedParts(unfinished, neverTaken))
                        + "; the next run with --broker sends them again";
        log.error(line);
        managerStep.addFailureException(new PipelineFailure(line));
        return new ExitStatus(ExitStatus.FAILED.getExitCode(), line);
    }

    private static List<String> unfinishedParts(List<String> unfinished, List<String> neverTaken) {
        List<String> parts = new ArrayList<>();
        if (!unfinished.isEmpty()) {
            parts.add("not finished " + String.join(", ", unfinished));
        }
        if (!neverTaken.isEmpty()) {
            parts.add(NEVER_TAKEN + " " + String.join(", ", neverTaken));
        }
        return parts;
    }

    private List<StepExecution> partitions(long jobExecutionId) {
        return jobRepository.getJobExecution(jobExecutionId).getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(workerStep + ":"))
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
    }

    private static String worker(StepExecution partition) {
        return partition.getExecutionContext().getString(RemoteReadWorkerConfiguration.WORKER, "a worker");
    }

    /** A versioned update: a worker still writing to the partition fails its next commit. */
    private void markFailed(StepExecution partition, String why) {
        try {
            partition.setStatus(BatchStatus.FAILED);
            partition.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            partition.setEndTime(LocalDateTime.now());
            jobRepository.update(partition);
            log.warn("{}: {}", partition.getStepName(), why);
        } catch (OptimisticLockingFailureException e) {
            // it moved after all: looked at again next time
        }
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "failed";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
