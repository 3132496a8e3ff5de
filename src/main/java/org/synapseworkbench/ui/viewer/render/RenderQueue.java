package org.synapseworkbench.ui.viewer.render;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one thread that reads and composes the frames of every plane view, so sections are read from disk there and
 * never on the JavaFX thread. Work runs by rank, then in the order asked: the xy section's before the xz and yz
 * planes' (which touch many more chunks of a newly opened file), and closing work after everything asked before it.
 */
public final class RenderQueue {
    /** The xy section's frames. */
    public static final int SECTION = 0;
    /** The xz and yz planes' frames. */
    public static final int PLANES = 1;
    /** The review gallery's tiles. */
    public static final int TILES = 2;
    /** After all frames asked for so far (closing the volumes they read). */
    public static final int LAST = Integer.MAX_VALUE;
    private static final ExecutorService THREAD = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new PriorityBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "slice-renderer");
                t.setDaemon(true);
                return t;
            });
    private static final AtomicLong ASKED = new AtomicLong();

    private RenderQueue() {
    }

    private record Task(int rank, long order, Runnable work) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : Long.compare(order, o.order);
        }
    }

    /** Queues {@code work} at {@code rank}. */
    public static void submit(int rank, Runnable work) {
        THREAD.execute(new Task(rank, ASKED.incrementAndGet(), work));
    }
}
