package org.synapseworkbench.ui.task;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Hands work from background threads to the JavaFX thread in batches: one pass of the JavaFX thread runs everything
 * queued so far, so a fast producer (a training run's iterations) cannot flood it with one pass per event.
 */
public final class FxBatches {
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /** Queues {@code r} for the JavaFX thread; safe from any thread. */
    public void post(Runnable r) {
        queued.add(r);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                drainScheduled.set(false);
                Runnable next;
                while ((next = queued.poll()) != null) {
                    next.run();
                }
            });
        }
    }
}
