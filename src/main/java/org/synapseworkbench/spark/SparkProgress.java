package org.synapseworkbench.spark;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import org.synapseworkbench.work.Progress;

/** Tells a {@link Progress} on the driver how many of a job's tasks (blocks) have finished, as Spark reports them. */
final class SparkProgress extends SparkListener implements AutoCloseable {
    private final JavaSparkContext sc;
    private final String task;
    private final long total;
    private final Progress progress;
    private final AtomicLong done = new AtomicLong();
    private final long t0 = System.nanoTime();

    private SparkProgress(JavaSparkContext sc, String task, long total, Progress progress) {
        this.sc = sc;
        this.task = task;
        this.total = total;
        this.progress = progress;
    }

    /** Follows the tasks that end from now on until closed; {@code total} is how many there are to do. */
    static SparkProgress follow(JavaSparkContext sc, String task, long total, Progress progress) {
        SparkProgress p = new SparkProgress(sc, task, total, progress);
        progress.update(task, 0, total, 0);
        sc.sc().addSparkListener(p);
        return p;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$) {
            progress.update(task, Math.min(total, done.incrementAndGet()), total, (System.nanoTime() - t0) / 1e9);
        }
    }

    @Override
    public void close() {
        sc.sc().removeSparkListener(this);
    }
}
