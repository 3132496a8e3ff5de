package org.synapseworkbench.ui.task;

import java.util.Locale;

import javafx.concurrent.Task;

import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Job;
import org.synapseworkbench.work.Progress;

/**
 * A {@link Job} run as a JavaFX task on a daemon thread: its progress drives
 * {@link #progressProperty()} (for a bar) and {@link #messageProperty()} (for the label beside it). {@link #stop()}
 * asks the job to stop at its next check; the task ends CANCELLED once the job has actually stopped, so handlers
 * never run while it still writes. {@link #setPaused} holds it at its next check. Work a person waits for runs at
 * normal priority; long work that runs beside them (training) asks for {@link #inBackground()}.
 *
 * @param <T> what the job makes
 */
public final class JobTask<T> extends Task<T> {
    /** Turns a progress report into the label's text. */
    @FunctionalInterface
    public interface Wording {
        String describe(String task, long done, long total, double elapsedSeconds);
    }

    /** "task: 3 of 10, 0:42 left". */
    public static final Wording PLAIN = (task, done, total, seconds) -> String.format(Locale.ROOT, "%s: %d of %d, %s left",
            task, done, total, duration(Progress.etaSeconds(done, total, seconds)));

    private final Job<T> job;
    private final Wording wording;
    private final Cancellation control = new Cancellation();
    private Thread thread;
    private boolean daemon = true;
    private boolean background;

    public JobTask(Job<T> job) {
        this(job, PLAIN);
    }

    public JobTask(Job<T> job, Wording wording) {
        this.job = job;
        this.wording = wording;
    }

    /**
     * Runs the job, and the threads it starts, at a lower priority, so that the window stays first in line: for work
     * that goes on while the person does other things (training), not for work they wait for.
     */
    public JobTask<T> inBackground() {
        background = true;
        return this;
    }

    /** Makes the program wait for this job before it exits (for saving: a closing window does not cut it short). */
    public JobTask<T> finishBeforeExit() {
        daemon = false;
        return this;
    }

    /** Starts the job on a new daemon thread named {@code name}; returns this task. */
    public JobTask<T> start(String name) {
        Thread t = new Thread(() -> {
            if (background) {
                BackgroundPriority.lowerThisThread(); // and the threads the job starts
            }
            run();
        }, name);
        t.setDaemon(daemon);
        thread = t;
        t.start();
        return this;
    }

    /** Asks the job to stop at its next check; safe from any thread. */
    public void stop() {
        control.cancel();
    }

    /** Holds the job at its next check, or lets it go on. */
    public void setPaused(boolean pause) {
        control.setPaused(pause);
    }

    public boolean isPaused() {
        return control.isPaused();
    }

    /** Whether {@link #stop()} was asked. */
    public boolean isStopping() {
        return control.isCancelled();
    }

    /** Stops the job and waits for its thread, at most {@code millis}; for closing the window. */
    public void stopAndWait(long millis) throws InterruptedException {
        stop();
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    @Override
    protected T call() throws Exception {
        try {
            return job.run((task, done, total, seconds) -> {
                updateProgress(done, total);
                updateMessage(wording.describe(task, done, total, seconds));
            }, control);
        } catch (Cancellation.CancelledException e) {
            cancel(false); // the job has stopped: the task ends CANCELLED, not FAILED
            return null;
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        control.cancel();
        return super.cancel(false);
    }

    /** Seconds as "m:ss" or "h:mm:ss"; "-" when not known. */
    public static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
