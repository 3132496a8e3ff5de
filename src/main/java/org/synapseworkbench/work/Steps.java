package org.synapseworkbench.work;

/**
 * Progress of work made of a few named steps whose own lengths are not known (read, label, score, write): each step
 * reports its name with {@code done} = steps finished so far, and the work may be paused or cancelled between steps.
 */
public final class Steps {
    private final Progress progress;
    private final Cancellation control;
    private final int total;
    private final long started = System.nanoTime();
    private int done = -1;
    private String name = "";

    public Steps(Progress progress, Cancellation control, int total) {
        this.progress = progress;
        this.control = control;
        this.total = total;
    }

    /** Finishes the step before, checks for a pause or a cancel, and reports the start of step {@code stepName}. */
    public void begin(String stepName) {
        done++;
        control.check();
        name = stepName;
        progress.update(stepName, Math.min(done, total), total, seconds());
    }

    /** Reports every step done, under the last step's name. */
    public void finish() {
        done = total;
        progress.update(name, total, total, seconds());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
