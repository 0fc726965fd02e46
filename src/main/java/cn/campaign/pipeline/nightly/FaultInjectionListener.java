package cn.campaign.pipeline.nightly;

import cn.campaign.pipeline.operation.PipelineSettings;
import cn.campaign.pipeline.operation.PipelineStepListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;

/**
 * For the fault-injection suite only: with {@code pipeline.fault-injection.pause-at=STEP},
 * the run stops before that step (or, for {@code ingestPartitionStep}, in the middle of a
 * partition: before its second chunk, the first committed), prints {@code PAUSED at STEP} and waits until the file named by
 * {@code pipeline.fault-injection.resume-file} exists — so a test can kill the JVM, or the
 * database, at exactly that point. Without the property it does nothing.
 */
@Component
public class FaultInjectionListener implements PipelineStepListener {

    public static final String PAUSED = "PAUSED at ";

    private final String pauseAt;
    private final Path resumeFile;
    private boolean paused;

    public FaultInjectionListener(PipelineSettings settings) {
        this.pauseAt = settings.faultInjection().pauseAt();
        this.resumeFile = settings.faultInjection().resumeFile();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (pauseAt != null && stepExecution.getStepName().equals(pauseAt)) {
            pause(pauseAt);
        }
    }

    @Override
    public void beforeChunk(Chunk<Object> chunk) {
        StepContext step = StepSynchronizationManager.getContext();
        if (pauseAt != null && !paused && step != null && step.getStepName().startsWith(pauseAt + ":")
                && step.getStepExecution().getCommitCount() > 0) {
            pause(pauseAt);
        }
    }

    private synchronized void pause(String point) {
        if (paused) {
            return;
        }
        paused = true;
        System.out.println(PAUSED + point);
        System.out.flush();
        while (resumeFile == null || !Files.exists(resumeFile)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
