package org.synapseworkbench.work;

/**
 * Progress of long work (inference, evaluation, loading), reported on the working thread: keep handlers short.
 * The window wraps it in a JavaFX task, the command line prints a progress line.
 */
@FunctionalInterface
public interface Progress {
    /** Does nothing. */
    Progress NONE = (task, done, total, elapsedSeconds) -> {
    };

    /**
     * {@code done} of {@code total} units of {@code task} are finished after {@code elapsedSeconds}.
     */
    void update(String task, long done, long total, double elapsedSeconds);

    /** Seconds left at the pace so far, or NaN before the first unit is done. */
    static double etaSeconds(long done, long total, double elapsedSeconds) {
        return done <= 0 ? Double.NaN : elapsedSeconds * (total - done) / done;
    }
}
