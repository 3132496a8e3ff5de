package org.synapseworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.synapseworkbench.work.Progress;

/** Long work's progress as one line redrawn in place: task, done of total, percent, ETA (at most twice a second). */
final class ProgressLine implements Progress {
    private final PrintWriter out;
    private final boolean quiet;
    private long lastPrint;
    private String lastTask;

    ProgressLine(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    public void update(String task, long done, long total, double elapsedSeconds) {
        long now = System.nanoTime();
        boolean newTask = !task.equals(lastTask);
        if (quiet || !newTask && done != total && now - lastPrint < 500_000_000L) {
            return;
        }
        if (newTask && lastTask != null) {
            out.println();
        }
        lastTask = task;
        lastPrint = now;
        double eta = Progress.etaSeconds(done, total, elapsedSeconds);
        out.printf(Locale.ROOT, "\r%s: %d/%d (%d%%)  %s   ", task, done, total, total == 0 ? 100 : 100 * done / total,
                done == total ? "done in " + TrainCommand.ProgressPrinter.duration(elapsedSeconds)
                        : Double.isNaN(eta) ? "" : "ETA " + TrainCommand.ProgressPrinter.duration(eta));
        if (done == total) {
            out.println();
            lastTask = null;
        }
        out.flush();
    }
}
