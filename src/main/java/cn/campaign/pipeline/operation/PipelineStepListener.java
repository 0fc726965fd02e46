package cn.campaign.pipeline.operation;

import java.util.List;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.builder.TaskletStepBuilder;

/**
 * What watches every step of the pipeline's jobs (the console's stage lines, the
 * fault-injection pauses): each step's configuration registers every bean of this type, so
 * the stages need not know who watches them.
 */
public interface PipelineStepListener extends StepExecutionListener, ChunkListener<Object, Object> {

    /** A tasklet step with every listener registered on it. */
    static TaskletStepBuilder watched(TaskletStepBuilder step, List<PipelineStepListener> listeners) {
        for (PipelineStepListener listener : listeners) {
            step.listener((StepExecutionListener) listener);
            step.listener((ChunkListener<?, ?>) listener);
        }
        return step;
    }
}
