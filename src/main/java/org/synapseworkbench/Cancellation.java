package org.synapseworkbench;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks between steps; {@link #cancel()} may be called from any thread. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} once cancelled. */
    public void check() {
        if (cancelled.get()) {
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
