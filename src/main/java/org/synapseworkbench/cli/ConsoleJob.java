package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

import org.synapseworkbench.work.Cancellation;
import org.synapseworkbench.work.Job;
import org.synapseworkbench.work.Progress;

/**
 * Runs a {@link Job} for a command, on the command's thread: its progress is printed as one line redrawn in place
 * ({@link ProgressLine}), and Ctrl-C cancels it and waits for it to stop cleanly (a checkpoint written, no
 * half-written file) before the program exits.
 */
final class ConsoleJob {
    private ConsoleJob() {
    }

    /**
     * Runs {@code job} with a progress line on {@code out} (none when {@code quiet}).
     *
     * @throws Cancellation.CancelledException after Ctrl-C, when the job stops by throwing it
     */
    static <T> T run(Job<T> job, PrintWriter out, boolean quiet) throws Exception {
        return run(job, new ProgressLine(out, quiet));
    }

    /** Runs {@code job} reporting to {@code progress}; Ctrl-C cancels it as in {@link #run(Job, PrintWriter, boolean)}. */
    static <T> T run(Job<T> job, Progress progress) throws Exception {
        Cancellation control = new Cancellation();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.run(progress, control);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for us
            }
        }
    }
}
