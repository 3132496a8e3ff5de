package org.synapseworkbench.train;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param lastCheckpoint the newest checkpoint written or loaded, or null
 * @param message one sentence for the user
 */
public record TrainingEnd(Reason reason, long iteration, Path lastCheckpoint, String message) {
    /** Why training stopped. */
    public enum Reason {
        /** ITERATION_TOTAL reached. */
        FINISHED,
        /** Stopped on request after the current step; a checkpoint was written. */
        CANCELLED,
        /** The loss became NaN or infinite; the last good checkpoint is kept. */
        DIVERGED,
        /** An error stopped the run (the exception is thrown from {@link TrainingRun#run()} as well). */
        FAILED
    }
}
