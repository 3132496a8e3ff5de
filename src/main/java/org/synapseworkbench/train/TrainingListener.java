package org.synapseworkbench.train;

import java.nio.file.Path;

/**
 * Receives a training run's events, on the training thread: keep handlers short and hand work to another
 * thread (the window does so through its event queue).
 */
public interface TrainingListener {
    default void started(TrainingStart start) {
    }

    default void iteration(IterationStats stats) {
    }

    /** Every MONITOR.ITERATION_NUM[1] iterations. */
    default void snapshot(Snapshot snapshot) {
    }

    default void checkpointSaved(Path file, long iteration) {
    }

    default void finished(TrainingEnd end) {
    }
}
