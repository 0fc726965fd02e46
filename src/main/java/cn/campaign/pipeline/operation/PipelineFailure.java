package cn.campaign.pipeline.operation;

/**
 * A failure the operator can act on: its message is printed as the one line on the console
 * (never a stack trace) and the process exits 1.
 */
public class PipelineFailure extends RuntimeException {

    public PipelineFailure(String message) {
        super(message);
    }

    public PipelineFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The line to print for any failure: our own message if there is one, else the root cause. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PipelineFailure) {
                return cause.getMessage();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
