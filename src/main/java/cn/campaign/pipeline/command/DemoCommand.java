package cn.campaign.pipeline.command;

import java.io.PrintStream;

/**
 * {@code jobs/demo}, run under the pipeline lock like every command. It lives beside the
 * pipeline (package {@code demo}, with its sample data generator) and depends on the
 * pipeline, never the reverse: the pipeline only knows this interface.
 */
public interface DemoCommand {

    void run(PrintStream out);
}
