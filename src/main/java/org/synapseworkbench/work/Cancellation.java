package org.synapseworkbench.work;

/**
 * The controls of long work: cancel, pause and resume, called from any thread; the working thread calls
 * {@link #check()} between steps, which holds while paused and throws once cancelled.
 */
public final class Cancellation {
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private volatile boolean paused;

    /** Asks the work to stop at its next check; a paused work is let go so that it can stop. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Holds the work at its next check ({@code true}) or lets it go on ({@code false}). */
    public void setPaused(boolean pause) {
        synchronized (lock) {
            paused = pause;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Waits while paused and not cancelled; an interrupt ends the wait (and stays set on the thread). */
    public void holdWhilePaused() {
        if (!paused) {
            return;
        }
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Holds while paused, then throws {@link CancelledException} once cancelled. */
    public void check() {
        holdWhilePaused();
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /** Thrown by work that stops because it was cancelled; nothing it was writing is left behind. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
