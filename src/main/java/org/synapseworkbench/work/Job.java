package org.synapseworkbench.work;

/**
 * Long work, the one shape the window and the command line run it in: loading, training, prediction,
 * post-processing, evaluation, searches, saving. It runs on a worker thread, reports through {@code progress},
 * checks {@code control} between steps (which holds it while paused and stops it, with
 * {@link Cancellation.CancelledException}, once cancelled), and returns its result. The window runs a job as a
 * JavaFX task with a progress bar ({@code ui.task.JobTask}); the command line prints a progress line.
 *
 * @param <T> what the work makes
 */
@FunctionalInterface
public interface Job<T> {
    T run(Progress progress, Cancellation control) throws Exception;
}
